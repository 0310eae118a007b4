import CGL
import GraphicsCore

/// The 3D coupling compositor: draws the BG and FG layers' pictures as two planes in a perspective scene
/// into `output` (see `CouplingPose` for the scene and `KeyMask` for how FG covers BG).
///
/// Owns GL objects: create, use and free it with the same context current. Each frame it takes the two
/// textures, blurs the planes that are out of focus (`DepthOfFieldBlur`: separable Gaussian at quarter
/// resolution, both planes in one pass pair, faded in over the first two pixels of radius so a small radius
/// never snaps), then draws one full-screen pass reading each plane where the pixel's ray meets it. That pass is
/// one of a few programs (`CompositeVariant`) so a frame reads only the textures it shows.
public final class CouplingCompositor {
    public let width: Int
    public let height: Int
    /// The composited picture of the last frame.
    public let output: Framebuffer
    /// The pose of the last frame drawn (for the HUD and tests).
    public private(set) var lastPose: CouplingPose?

    private let programs: [CompositeVariant: ShaderProgram]
    /// The variants compositing a MilkDrop 1 FG in the scene; empty where the driver has no texture gather.
    private let compositedPrograms: [CompositeVariant: ShaderProgram]
    private let blur: DepthOfFieldBlur
    private let emptyArray = VertexArray()
    private let fgSampler = SamplerObject(linear: true, wrap: false)
    /// The scene at half size, when both planes are shown only blurred, and the pass that stretches it over `output`.
    private let smallScene: Framebuffer
    /// Whether a frame with both planes blurred may draw the scene at half size (tests compare with false).
    var allowsSmallScene = true
    /// Whether a single plane at the blur size skips the blur's shrink pass (tests compare with false).
    var blurSkipsShrink: Bool {
        get { blur.skipsShrinkAtBlurSize }
        set { blur.skipsShrinkAtBlurSize = newValue }
    }
    private let upscale: ShaderProgram

    /// Creates a compositor drawing `width`×`height` pictures.
    public init(width: Int, height: Int) throws {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw CouplingError.badSize(width: width, height: height)
        }
        self.width = width
        self.height = height
        output = try wrapGraphics { try Framebuffer(width: width, height: height) }
        let blur = try DepthOfFieldBlur(width: width, height: height)
        self.blur = blur
        smallScene = try wrapGraphics { try Framebuffer(width: max(1, width / 2), height: max(1, height / 2)) }
        upscale = try wrapGraphics {
            try ShaderProgram(label: "coupling upscale", vertex: CouplingShaders.fullscreenVertex,
                              fragment: CouplingShaders.upscaleFragment)
        }
        upscale.use()
        upscale.set("image", Int32(0))
        // Every variant is linked now, so the set of GL objects never changes while the show runs.
        var programs: [CompositeVariant: ShaderProgram] = [:]
        for variant in CompositeVariant.allCases {
            programs[variant] = try wrapGraphics { try Self.makeProgram(variant) }
        }
        self.programs = programs
        compositedPrograms = Self.makeCompositedPrograms()
        glUseProgram(0)
        // Off its plane the FG reads transparent black (the border colour), which the key keys out.
        for axis in [GL_TEXTURE_WRAP_S, GL_TEXTURE_WRAP_T] {
            glSamplerParameteri(fgSampler.name, GLenum(axis), GL_CLAMP_TO_BORDER)
        }
    }

    /// Whether a frame with `parameters` and `motion` can take the FG as a MilkDrop 1 canvas and its composite
    /// weights (`render(…foregroundWeights:…)`) instead of its picture: when it shows the FG sharp, not in the
    /// debug view, and the driver can gather.
    public func compositesForeground(parameters: CouplingParameters, motion: CouplingMotion) -> Bool {
        let variant = scene(parameters: parameters, motion: motion).variant
        guard let plain = variant.composited(shaded: false), let shaded = variant.composited(shaded: true) else { return false }
        return compositedPrograms[plain] != nil && compositedPrograms[shaded] != nil
    }

    /// Links the composited variants; none if one fails (a GL 3.3 driver without ARB_texture_gather), so the
    /// show falls back to the layer drawing its own composite.
    private static func makeCompositedPrograms() -> [CompositeVariant: ShaderProgram] {
        var made: [CompositeVariant: ShaderProgram] = [:]
        for variant in CompositeVariant.compositedCases {
            guard let program = try? makeProgram(variant) else {
                _ = glGetError()
                return [:]
            }
            made[variant] = program
        }
        return made
    }

    /// Links the composite program of `variant`, its four textures on units 0–3 (BG sharp, BG blurred, FG sharp,
    /// FG blurred — the FG canvas when composited).
    private static func makeProgram(_ variant: CompositeVariant) throws -> ShaderProgram {
        let program = try ShaderProgram(label: "coupling composite",
                                        vertex: CouplingShaders.compositeVertex(shaded: variant.fg == .compositedShaded),
                                        fragment: CouplingShaders.compositeFragment(variant))
        program.use()
        for (index, name) in ["bgSharp", "bgBlurred", "fgSharp", "fgBlurred"].enumerated() {
            program.set(name, Int32(index))
        }
        return program
    }

    /// Which planes a frame with `parameters` and `motion` may take at half size (`PictureSize.half`): those shown
    /// only blurred (the blur starts by shrinking them to a quarter), and those mostly blurred — the blur mixed in
    /// at `halfSizeMix` or more, where the rest is a picture out of focus by 1.2 px or more, which a half-size
    /// picture magnified (about 0.7 px of blur itself) shows as well. Never in the debug view or the flat mix.
    public func halfSizePlanes(parameters: CouplingParameters, motion: CouplingMotion) -> (fg: Bool, bg: Bool) {
        let (_, mixes, variant) = scene(parameters: parameters, motion: motion)
        guard !variant.debug, !variant.flat else { return (false, false) }
        func half(_ sampling: CompositeVariant.Sampling, _ mix: Float) -> Bool {
            sampling == .blurred || (sampling == .mixed && mix >= Self.halfSizeMix)
        }
        return (half(variant.fg, mixes.fg), half(variant.bg, mixes.bg))
    }

    /// The blur mix from which a plane may be drawn at half size (a blur radius of 1.2 px).
    public static let halfSizeMix: Float = 0.6

    /// A frame's pose, each plane's blur mix and the program that draws it.
    private func scene(parameters: CouplingParameters, motion: CouplingMotion)
        -> (pose: CouplingPose, mixes: (fg: Float, bg: Float), variant: CompositeVariant) {
        let pose = CouplingPose(parameters: parameters, motion: motion, height: height)
        let mixes = (fg: DepthOfFieldBlur.mix(radius: pose.fgBlurPixels), bg: DepthOfFieldBlur.mix(radius: pose.bgBlurPixels))
        return (pose, mixes, CompositeVariant(pose: pose, mode: parameters.mode, mixes: mixes))
    }

    /// Composites `foreground` over `background` (both any size; they are sampled in 0…1) into `output`.
    /// With `foregroundWeights`, `foreground` is a MilkDrop 1 canvas whose composite the layer left undrawn, and
    /// the scene applies it (only when `compositesForeground` says the frame can).
    public func render(background: Texture2D, foreground: Texture2D, foregroundWeights: [SIMD3<Float>]? = nil,
                       parameters: CouplingParameters, motion: CouplingMotion) throws {
        var profile = StageProfile(enabled: false)
        try render(background: background, foreground: foreground, foregroundWeights: foregroundWeights,
                   parameters: parameters, motion: motion, profile: &profile)
    }

    /// Composites as above, charging the blur and composite passes to `profile`'s stages.
    public func render(background: Texture2D, foreground: Texture2D, foregroundWeights: [SIMD3<Float>]? = nil,
                       parameters: CouplingParameters, motion: CouplingMotion, profile: inout StageProfile) throws {
        let (pose, mixes, planned) = scene(parameters: parameters, motion: motion)
        var variant = planned
        var composited: ShaderProgram?
        if let foregroundWeights {
            let shaded = foregroundWeights.contains { $0 != foregroundWeights.first }
            guard foregroundWeights.count == 4, let fused = variant.composited(shaded: shaded),
                  let program = compositedPrograms[fused] else {
                throw CouplingError.graphics(.programLink(name: "coupling composite",
                                                          log: "no program compositing the FG in \(variant)"))
            }
            variant = fused
            composited = program
        }
        let keys = parameters.clamped
        glDisable(GLenum(GL_BLEND))
        emptyArray.bind()
        try blur.render(foreground: foreground, fgRadius: pose.fgBlurPixels, background: background, bgRadius: pose.bgBlurPixels)
        profile.mark("dof")
        guard let program = composited ?? programs[variant] else {
            throw CouplingError.graphics(.programLink(name: "coupling composite", log: "no program for \(variant)"))
        }
        // Both planes blurred only: the scene is as smooth as the blur, so it is drawn at half size and stretched
        // (a read per output pixel instead of two, and the scene's arithmetic on a quarter of the pixels). A
        // quarter-size scene was cheaper still but showed steps along the key's edges.
        let small = allowsSmallScene && variant.fg == .blurred && variant.bg == .blurred && !variant.flat && !variant.debug
        (small ? smallScene : output).bind()
        program.use()
        background.bind(unit: 0)
        blur.bgBlurred.bind(unit: 1)
        foreground.bind(unit: 2)
        blur.fgBlurred.bind(unit: 3)
        fgSampler.bind(unit: 2)
        fgSampler.bind(unit: 3)
        program.set("bgBlurMix", mixes.bg)
        program.set("fgBlurMix", mixes.fg)
        let aspect = Double(width) / Double(height)
        for (name, depth) in [("fgMap", pose.fgDepth), ("bgMap", pose.bgDepth)] {
            let map = pose.planeMap(depth: depth, aspect: aspect)
            program.set(name, Float(map.x), Float(map.y), Float(map.z), Float(map.w))
        }
        program.set("focus01", Float(pose.focus01))
        program.set("keyRange", Float(keys.keyLow), Float(keys.keyHigh))
        program.set("outputSize", Float(width), Float(height))
        if let foregroundWeights, let first = foregroundWeights.first {
            if variant.fg == .compositedShaded {
                var packed = foregroundWeights.flatMap { [$0.x, $0.y, $0.z] }
                glUniform3fv(program.location("fgWeights"), 4, &packed)
            } else {
                program.set("fgWeight", first.x, first.y, first.z)
            }
            program.set("fgSize", Float(foreground.width), Float(foreground.height))
        }
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        SamplerObject.unbind(unit: 2)
        SamplerObject.unbind(unit: 3)
        if small {
            output.bind()
            upscale.use()
            smallScene.texture.bind(unit: 0)
            glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        }
        VertexArray.unbind()
        glActiveTexture(GLenum(GL_TEXTURE0))
        glUseProgram(0)
        lastPose = pose
        profile.mark("composite")
        try wrapGraphics { try checkGLError("compositing two layers") }
    }

    /// Draws every program the compositor may use once (every composite variant, the stretch, and the blur's
    /// passes for one plane and two, full-size and half-size, narrow and wide), so llvmpipe generates their code
    /// now rather than on the first frame that needs one mid-show (e.g. when a blur first fades in). For a live
    /// show at start-up; the pictures drawn are thrown away.
    public func warmUp() throws {
        let half = try wrapGraphics { try Framebuffer(width: max(1, width / 2), height: max(1, height / 2)) }
        let small = blur.bgBlurred
        glDisable(GLenum(GL_BLEND))
        emptyArray.bind()
        // The blur: each shrink (a full-size or half-size source per plane) and Gaussian (narrow, wide).
        for (fg, bg) in [(output.texture, half.texture), (half.texture, output.texture), (output.texture, output.texture),
                         (half.texture, half.texture)] {
            for radius in [3.0, 12.0] {
                try blur.render(foreground: fg, fgRadius: radius, background: bg, bgRadius: radius)
                try blur.render(foreground: fg, fgRadius: radius, background: bg, bgRadius: 0)
                try blur.render(foreground: fg, fgRadius: 0, background: bg, bgRadius: radius)
            }
        }
        emptyArray.bind()
        for (variant, program) in programs.merging(compositedPrograms, uniquingKeysWith: { first, _ in first }) {
            (variant.flat ? output : smallScene).bind()
            program.use()
            for unit in 0..<4 { small.bind(unit: unit) }
            fgSampler.bind(unit: 2)
            fgSampler.bind(unit: 3)
            glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        }
        SamplerObject.unbind(unit: 2)
        SamplerObject.unbind(unit: 3)
        output.bind()
        upscale.use()
        smallScene.texture.bind(unit: 0)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        output.clear()
        VertexArray.unbind()
        glUseProgram(0)
        glFinish()
        try wrapGraphics { try checkGLError("warming up the compositor") }
    }

    /// The last composited picture as packed RGB, top row first.
    public func readOutput() throws -> [UInt8] { try wrapGraphics { try output.readRGB() } }
}
