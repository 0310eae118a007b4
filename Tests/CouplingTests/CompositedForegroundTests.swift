@testable import Coupling
import GraphicsCore
import Testing

/// The FG composited in the scene pass (`CompositeVariant.Sampling.composited`) against the same composite drawn
/// into a picture first, the way a layer draws it.
@Suite(.serialized)
struct CompositedForegroundTests {
    static let width = 160
    static let height = 90
    /// Gamma above 1 (so bright texels clamp) and hue shading that differs per corner: top-left, top-right,
    /// bottom-left, bottom-right.
    static let weights: [SIMD3<Float>] = [SIMD3(1.70, 1.20, 0.90), SIMD3(1.50, 1.70, 1.00),
                                          SIMD3(1.20, 1.00, 1.70), SIMD3(1.90, 1.40, 1.10)]

    /// A canvas with detail at every pixel (so the scene's resampling matters) and levels on both sides of the
    /// clamp, and the picture a layer's composite stores from it, texel by texel.
    static func canvasAndPicture(weights: [SIMD3<Float>] = weights) throws -> (canvas: Texture2D, picture: Texture2D) {
        func level(_ x: Int, _ y: Int) -> SIMD3<UInt8> {
            SIMD3(UInt8((x * 37 + y * 11) % 256), UInt8((x * 5 + y * 23) % 256), UInt8((x * x + y * 3) % 256))
        }
        let canvas = try Pictures.texture(width: width, height: height, level)
        let picture = try Pictures.texture(width: width, height: height) { x, y in
            // The texel's centre in 0…1 with y up, and the weight of the composite quad's triangle there.
            let p = SIMD2(Float(x) + 0.5, Float(height - y) - 0.5) / SIMD2(Float(width), Float(height))
            let w = weights
            let weight = p.y >= p.x ? w[2] + (w[1] - w[0]) * p.x + (w[0] - w[2]) * p.y
                : w[2] + (w[3] - w[2]) * p.x + (w[1] - w[3]) * p.y
            let value = (SIMD3<Float>(level(x, y)) / 255 * weight).clamped(lowerBound: .zero, upperBound: .one)
            return SIMD3<UInt8>((value * 255).rounded(.toNearestOrEven))
        }
        return (canvas, picture)
    }

    /// The largest channel difference between two RGB pictures.
    static func largestDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).reduce(0) { max($0, abs(Int($1.0) - Int($1.1))) }
    }

    /// With hue shading (weights differing by corner) and without (gamma alone: one weight).
    @Test(arguments: [weights, Array(repeating: SIMD3<Float>(repeating: 1.7), count: 4)])
    func theSceneCompositesTheForegroundAsTheLayerWould(weights: [SIMD3<Float>]) throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (canvas, picture) = try Self.canvasAndPicture(weights: weights)
        let bg = try Pictures.texture(width: Self.width, height: Self.height) { x, y in SIMD3(UInt8(x), UInt8(y * 2), 60) }
        let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
        var sharp = CouplingParameters(strength: 1, parallax: 1, dof: 1)
        sharp.focusFollowsMusic = false
        // A beat pushes the camera in: the planes are magnified, so the FG is resampled between texels.
        let motion = CouplingMotion(time: 2.3, beatPulse01: 0.8)
        for parameters in [sharp, CouplingParameters(mode: .off)] {
            #expect(compositor.compositesForeground(parameters: parameters, motion: motion))
            try compositor.render(background: bg, foreground: picture, parameters: parameters, motion: motion)
            let drawn = try compositor.readOutput()
            try compositor.render(background: bg, foreground: canvas, foregroundWeights: weights,
                                  parameters: parameters, motion: motion)
            let composited = try compositor.readOutput()
            // Bilinear weights: llvmpipe filters with 8-bit fractions, the scene with floats.
            #expect(Self.largestDifference(drawn, composited) <= 2)
            #expect(Pictures.meanLuma(composited) > 0.2)
        }
    }

    @Test func onlyASharpForegroundOutsideTheDebugViewIsComposited() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
        let motion = CouplingMotion(time: 1, intensity01: 1)
        var parameters = CouplingParameters(strength: 1, parallax: 1, dof: 1)
        // Loud music: focus on the FG.
        #expect(compositor.compositesForeground(parameters: parameters, motion: motion))
        parameters.focusFollowsMusic = false
        parameters.focus = 0.5
        #expect(!compositor.compositesForeground(parameters: parameters, motion: motion))
        parameters.focus = 0
        parameters.mode = .debug
        #expect(!compositor.compositesForeground(parameters: parameters, motion: motion))
        // Asked anyway, the compositor refuses rather than drawing a canvas as a picture.
        let (canvas, _) = try Self.canvasAndPicture()
        parameters.mode = .on
        parameters.focus = 0.5
        #expect(throws: CouplingError.self) {
            try compositor.render(background: canvas, foreground: canvas, foregroundWeights: Self.weights,
                                  parameters: parameters, motion: motion)
        }
    }

    /// The default show with the FG in focus blurs only the BG, drawn at the blur size: the Gaussian reads it
    /// without the shrink pass (which would copy it), and the picture is the same.
    @Test func aBackgroundAtTheBlurSizeSkipsTheShrinkUnchanged() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let bg = try Pictures.texture(width: Self.width / 4, height: Self.height / 4) { x, y in
            (x + y) % 3 == 0 ? SIMD3(250, 240, 30) : SIMD3(20, UInt8(y * 9), 90)
        }
        let (canvas, picture) = try Self.canvasAndPicture()
        let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
        var parameters = CouplingParameters(strength: 1, parallax: 1, dof: 1)
        parameters.focusFollowsMusic = false
        let motion = CouplingMotion(time: 0.7)
        var pictures: [[UInt8]] = []
        for skips in [true, false] {
            compositor.blurSkipsShrink = skips
            try compositor.render(background: bg, foreground: picture, parameters: parameters, motion: motion)
            pictures.append(try compositor.readOutput())
            try compositor.render(background: bg, foreground: canvas, foregroundWeights: Self.weights,
                                  parameters: parameters, motion: motion)
            pictures.append(try compositor.readOutput())
        }
        #expect(pictures[0] == pictures[2])
        #expect(pictures[1] == pictures[3])
        // And the BG was blurred: a black FG lets all of it through, with less detail than without the blur.
        compositor.blurSkipsShrink = true
        let black = try Pictures.texture(width: Self.width, height: Self.height) { _, _ in SIMD3(0, 0, 0) }
        func energy(dof: Double) throws -> Double {
            parameters.dof = dof
            try compositor.render(background: bg, foreground: black, parameters: parameters, motion: motion)
            return Pictures.highFrequencyEnergy(try compositor.readOutput(), width: Self.width, height: Self.height)
        }
        let (sharp, blurred) = (try energy(dof: 0), try energy(dof: 1))
        #expect(blurred < 0.8 * sharp, "high-frequency energy \(blurred) blurred, \(sharp) sharp")
    }
}
