import Foundation

/// The weights of `CouplingShaders.gaussianFragment` for a Gaussian of `sigma` texels: a discrete kernel over ±2
/// texels, or ±4 (`wide`) when σ is over one texel so the tails are not cut short; each neighbour pair folded into
/// one bilinear read at its weighted position; normalised to sum 1.
struct GaussianKernel: Equatable {
    /// σ above this many texels takes the wide kernel.
    static let narrowLimit = 1.0
    let wide: Bool
    /// (centre weight, weight of each read of the inner pair, its offset in texels).
    let near: SIMD3<Float>
    /// (weight of each read of the outer pair, its offset); zero weight for the narrow kernel.
    let far: SIMD2<Float>

    init(sigma: Double) {
        let s = max(sigma, 1e-3)
        let isWide = s > Self.narrowLimit
        wide = isWide
        var w = [Double](repeating: 0, count: 5)
        for k in 0...(isWide ? 4 : 2) { w[k] = exp(-Double(k * k) / (2 * s * s)) }
        let inner: Double = w[1] + w[2]
        let outer: Double = w[3] + w[4]
        let total: Double = w[0] + 2 * (inner + outer)
        let innerOffset: Double = (w[1] + 2 * w[2]) / inner
        near = SIMD3(Float(w[0] / total), Float(inner / total), Float(innerOffset))
        if outer > 0 {
            let outerOffset: Double = (3 * w[3] + 4 * w[4]) / outer
            far = SIMD2(Float(outer / total), Float(outerOffset))
        } else {
            far = SIMD2(0, 0)
        }
    }
}
