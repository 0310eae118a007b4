import CGL
import GraphicsCore

/// The 3D coupling compositor: draws the BG and FG layers' pictures as two planes in a perspective scene
/// into `output` (see `CouplingPose` for the scene and `KeyMask` for how FG covers BG).
///
/// Owns GL objects: create, use and free it with the same context current. Each frame it takes the two
/// textures, blurs the planes that are out of focus (separable Gaussian at quarter resolution, faded in over the
/// first two pixels of radius so a small radius never snaps), then draws one full-screen pass that casts a ray
/// per pixel against both planes.
public final class CouplingCompositor {
    public let width: Int
    public let height: Int
    /// The composited picture of the last frame.
    public let output: Framebuffer
    /// The pose of the last frame drawn (for the HUD and tests).
    public private(set) var lastPose: CouplingPose?

    private let blurProgram: ShaderProgram
    private let compositeProgram: ShaderProgram
    private let emptyArray = VertexArray()
    private let blurTemporary: Framebuffer
    private let fgBlurred: Framebuffer
    private let bgBlurred: Framebuffer

    /// Creates a compositor drawing `width`×`height` pictures.
    public init(width: Int, height: Int) throws {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw CouplingError.badSize(width: width, height: height)
        }
        self.width = width
        self.height = height
        // Blurred planes at a quarter of the size each way: a sixteenth of the pixels to filter.
        let blurWidth = max(1, width / 4), blurHeight = max(1, height / 4)
        output = try wrapGraphics { try Framebuffer(width: width, height: height) }
        blurTemporary = try wrapGraphics { try Framebuffer(width: blurWidth, height: blurHeight) }
        fgBlurred = try wrapGraphics { try Framebuffer(width: blurWidth, height: blurHeight) }
        bgBlurred = try wrapGraphics { try Framebuffer(width: blurWidth, height: blurHeight) }
        blurProgram = try wrapGraphics {
            try ShaderProgram(label: "coupling blur", vertex: CouplingShaders.fullscreenVertex, fragment: CouplingShaders.blurFragment)
        }
        compositeProgram = try wrapGraphics {
            try ShaderProgram(label: "coupling composite", vertex: CouplingShaders.fullscreenVertex,
                              fragment: CouplingShaders.compositeFragment)
        }
        blurProgram.use()
        blurProgram.set("image", Int32(0))
        compositeProgram.use()
        for (index, name) in ["bgSharp", "bgBlurred", "fgSharp", "fgBlurred"].enumerated() {
            compositeProgram.set(name, Int32(index))
        }
        glUseProgram(0)
    }

    /// Composites `foreground` over `background` (both any size; they are sampled in 0…1) into `output`.
    public func render(background: Texture2D, foreground: Texture2D, parameters: CouplingParameters,
                       motion: CouplingMotion) throws {
        let pose = CouplingPose(parameters: parameters, motion: motion, height: height)
        let keys = parameters.clamped
        glDisable(GLenum(GL_BLEND))
        emptyArray.bind()
        let fgBlur = blurIfNeeded(foreground, radius: pose.fgBlurPixels, into: fgBlurred)
        let bgBlur = blurIfNeeded(background, radius: pose.bgBlurPixels, into: bgBlurred)
        output.bind()
        compositeProgram.use()
        background.bind(unit: 0)
        bgBlurred.texture.bind(unit: 1)
        foreground.bind(unit: 2)
        fgBlurred.texture.bind(unit: 3)
        compositeProgram.set("bgBlurMix", bgBlur)
        compositeProgram.set("fgBlurMix", fgBlur)
        compositeProgram.set("flatMix", Int32(pose.flat ? 1 : 0))
        compositeProgram.set("debugView", Int32(parameters.mode == .debug ? 1 : 0))
        compositeProgram.set("camera", Float(pose.camera.x), Float(pose.camera.y), Float(pose.camera.z))
        let tanY = CouplingPose.tanHalfFOV
        compositeProgram.set("tanHalf", Float(tanY * Double(width) / Double(height)), Float(tanY))
        compositeProgram.set("fgDepth", Float(pose.fgDepth))
        compositeProgram.set("bgDepth", Float(pose.bgDepth))
        compositeProgram.set("planeScale", Float(pose.planeScale))
        compositeProgram.set("focus01", Float(pose.focus01))
        compositeProgram.set("keyRange", Float(keys.keyLow), Float(keys.keyHigh))
        compositeProgram.set("outputSize", Float(width), Float(height))
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        VertexArray.unbind()
        glActiveTexture(GLenum(GL_TEXTURE0))
        glUseProgram(0)
        lastPose = pose
        try wrapGraphics { try checkGLError("compositing two layers") }
    }

    /// Blurs `source` by `radius` output pixels into `target` and returns how much of the blur to mix in (0 = none).
    private func blurIfNeeded(_ source: Texture2D, radius: Double, into target: Framebuffer) -> Float {
        guard radius >= 0.25 else { return 0 }
        // 9 taps `r / 4` apart with σ = r / 2, in texture coordinates of the output. The kernel is at least 4 px
        // wide (r ≥ 4), as wide as a quarter-size pixel, so no source column is skipped; smaller radii mix
        // less of it in (the return value).
        let kernel = max(radius, 4)
        let stepX = Float(kernel / 4 / Double(width)), stepY = Float(kernel / 4 / Double(height))
        blurProgram.use()
        blurTemporary.bind()
        source.bind(unit: 0)
        blurProgram.set("step", stepX, 0)
        // Two bilinear samples a pixel above and below cover the four source rows of a quarter-size row.
        blurProgram.set("across", 0, Float(1 / Double(height)))
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        target.bind()
        blurTemporary.texture.bind(unit: 0)
        blurProgram.set("step", 0, stepY)
        blurProgram.set("across", 0, 0)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        return Float(min(1, radius / 2))
    }

    /// The last composited picture as packed RGB, top row first.
    public func readOutput() throws -> [UInt8] { try wrapGraphics { try output.readRGB() } }
}
