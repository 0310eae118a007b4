import Foundation
@testable import Coupling
import Testing

struct GaussianKernelTests {
    /// The texel weights the reads stand for: centre, then each side's texels 1…4 recovered from the pairs.
    static func texelWeights(_ kernel: GaussianKernel) -> [Double] {
        let near = SIMD3<Double>(Double(kernel.near.x), Double(kernel.near.y), Double(kernel.near.z))
        let far = SIMD2<Double>(Double(kernel.far.x), Double(kernel.far.y))
        // A bilinear read at offset 1 + f weighs texel 1 by (1 − f) and texel 2 by f (3 + f: texels 3 and 4).
        let f1 = near.z - 1, f2 = far.x > 0 ? far.y - 3 : 0
        return [near.x, near.y * (1 - f1), near.y * f1, far.x * (1 - f2), far.x * f2]
    }

    @Test(arguments: [0.5, 0.8, 1.0, 1.3, 1.5])
    func theReadsAddUpToADiscreteGaussianOfThatSigma(sigma: Double) {
        let kernel = GaussianKernel(sigma: sigma)
        #expect(kernel.wide == (sigma > 1))
        let w = Self.texelWeights(kernel)
        let total = w[0] + 2 * w[1...].reduce(0, +)
        #expect(abs(total - 1) < 1e-5)
        // Each pair's read lies between its two texels.
        #expect(kernel.near.z > 1 && kernel.near.z < 2)
        if kernel.wide { #expect(kernel.far.y > 3 && kernel.far.y < 4) } else { #expect(kernel.far.x == 0) }
        // Neighbours weigh as exp(−k²/2σ²) relative to the centre.
        for k in 1...(kernel.wide ? 4 : 2) {
            #expect(abs(w[k] / w[0] - exp(-Double(k * k) / (2 * sigma * sigma))) < 1e-4)
        }
    }
}
