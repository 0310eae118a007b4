import CGL
import GraphicsCore

/// The 3D coupling compositor: draws the BG and FG layers' pictures as two planes in a perspective scene
/// into `output` (see `CouplingPose` for the scene and `KeyMask` for how FG covers BG).
///
/// Owns GL objects: create, use and free it with the same context current. Each frame it takes the two
/// textures, blurs the planes that are out of focus (`DepthOfFieldBlur`: separable Gaussian at quarter
/// resolution, both planes in one pass pair, faded in over the first two pixels of radius so a small radius
/// never snaps), then draws one full-screen pass that casts a ray per pixel against both planes. That pass is
/// one of a few programs (`CompositeVariant`) so a frame reads only the textures it shows.
public final class CouplingCompositor {
    public let width: Int
    public let height: Int
    /// The composited picture of the last frame.
    public let output: Framebuffer
    /// The pose of the last frame drawn (for the HUD and tests).
    public private(set) var lastPose: CouplingPose?

    private let programs: [CompositeVariant: ShaderProgram]
    private let blur: DepthOfFieldBlur
    private let emptyArray = VertexArray()

    /// Creates a compositor drawing `width`×`height` pictures.
    public init(width: Int, height: Int) throws {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw CouplingError.badSize(width: width, height: height)
        }
        self.width = width
        self.height = height
        output = try wrapGraphics { try Framebuffer(width: width, height: height) }
        blur = try DepthOfFieldBlur(width: width, height: height)
        // Every variant is linked now, so the set of GL objects never changes while the show runs.
        var programs: [CompositeVariant: ShaderProgram] = [:]
        for variant in CompositeVariant.allCases {
            let program = try wrapGraphics {
                try ShaderProgram(label: "coupling composite", vertex: CouplingShaders.fullscreenVertex,
                                  fragment: CouplingShaders.compositeFragment(variant))
            }
            program.use()
            for (index, name) in ["bgSharp", "bgBlurred", "fgSharp", "fgBlurred"].enumerated() {
                program.set(name, Int32(index))
            }
            programs[variant] = program
        }
        self.programs = programs
        glUseProgram(0)
    }

    /// Composites `foreground` over `background` (both any size; they are sampled in 0…1) into `output`.
    public func render(background: Texture2D, foreground: Texture2D, parameters: CouplingParameters,
                       motion: CouplingMotion) throws {
        var profile = StageProfile(enabled: false)
        try render(background: background, foreground: foreground, parameters: parameters, motion: motion, profile: &profile)
    }

    /// Composites as above, charging the blur and composite passes to `profile`'s stages.
    public func render(background: Texture2D, foreground: Texture2D, parameters: CouplingParameters,
                       motion: CouplingMotion, profile: inout StageProfile) throws {
        let pose = CouplingPose(parameters: parameters, motion: motion, height: height)
        let keys = parameters.clamped
        glDisable(GLenum(GL_BLEND))
        emptyArray.bind()
        let mixes = try blur.render(foreground: foreground, fgRadius: pose.fgBlurPixels,
                                background: background, bgRadius: pose.bgBlurPixels)
        profile.mark("dof")
        let debug = parameters.mode == .debug
        let variant = CompositeVariant(flat: pose.flat, debug: debug,
                                       fg: debug && !pose.flat ? .mixed : .init(blurMix: mixes.fg),
                                       bg: debug && !pose.flat ? .mixed : .init(blurMix: mixes.bg))
        guard let program = programs[variant] else {
            throw CouplingError.graphics(.programLink(name: "coupling composite", log: "no program for \(variant)"))
        }
        output.bind()
        program.use()
        background.bind(unit: 0)
        blur.bgBlurred.bind(unit: 1)
        foreground.bind(unit: 2)
        blur.fgBlurred.bind(unit: 3)
        program.set("bgBlurMix", mixes.bg)
        program.set("fgBlurMix", mixes.fg)
        program.set("camera", Float(pose.camera.x), Float(pose.camera.y), Float(pose.camera.z))
        let tanY = CouplingPose.tanHalfFOV
        program.set("tanHalf", Float(tanY * Double(width) / Double(height)), Float(tanY))
        program.set("fgDepth", Float(pose.fgDepth))
        program.set("bgDepth", Float(pose.bgDepth))
        program.set("planeScale", Float(pose.planeScale))
        program.set("focus01", Float(pose.focus01))
        program.set("keyRange", Float(keys.keyLow), Float(keys.keyHigh))
        program.set("outputSize", Float(width), Float(height))
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        VertexArray.unbind()
        glActiveTexture(GLenum(GL_TEXTURE0))
        glUseProgram(0)
        lastPose = pose
        profile.mark("composite")
        try wrapGraphics { try checkGLError("compositing two layers") }
    }

    /// The last composited picture as packed RGB, top row first.
    public func readOutput() throws -> [UInt8] { try wrapGraphics { try output.readRGB() } }
}
