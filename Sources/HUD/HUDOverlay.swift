import CGL
import GraphicsCore

/// Draws a `HUDModel` over whatever the current framebuffer holds, alpha-blended, in a window or headless.
///
/// Owns the program, the vertex buffer and one glyph atlas texture per font size; the context that made it
/// must be current when it draws and when it is freed.
public final class HUDOverlay {
    /// An atlas and its texture, built once per point size.
    private struct SizedAtlas {
        var atlas: GlyphAtlas
        var texture: Texture2D
    }

    public let fontPath: String
    private let program: ShaderProgram
    private let vertices = GLBuffer(kind: .vertices)
    private let array = VertexArray()
    private var atlases: [Int32: SizedAtlas] = [:]
    /// The layout of the last frame drawn (for tests and for hit areas).
    public private(set) var lastLayout: HUDLayout?

    /// Compiles the program; fonts are opened lazily per size.
    public init(fontPath: String = TrueTypeFont.defaultPath) throws {
        self.fontPath = fontPath
        program = try ShaderProgram(label: "hud", vertex: HUDShaders.vertex, fragment: HUDShaders.fragment)
        let stride = 8
        array.setAttribute(0, buffer: vertices, components: 2, stride: stride, offset: 0)
        array.setAttribute(1, buffer: vertices, components: 2, stride: stride, offset: 2)
        array.setAttribute(2, buffer: vertices, components: 4, stride: stride, offset: 4)
        VertexArray.unbind()
    }

    /// The point size that suits a frame `height` pixels tall (about 45 lines fit; 8 points at the least).
    public static func pointSize(forHeight height: Int) -> Int32 {
        Int32(min(28, max(8, height / 48)))
    }

    /// The atlas for `pointSize`, rendered and uploaded the first time it is asked for.
    public func atlas(pointSize: Int32) throws -> GlyphAtlas {
        try sized(pointSize).atlas
    }

    private func sized(_ pointSize: Int32) throws -> SizedAtlas {
        if let found = atlases[pointSize] { return found }
        let font = try TrueTypeFont(path: fontPath, pointSize: pointSize)
        let atlas = try GlyphAtlas(font: font)
        let texture = try Texture2D(width: atlas.width, height: atlas.height)
        var rgba = [UInt8](repeating: 0, count: atlas.width * atlas.height * 4)
        for (index, value) in atlas.coverage.enumerated() {
            rgba[index * 4] = value; rgba[index * 4 + 1] = value; rgba[index * 4 + 2] = value; rgba[index * 4 + 3] = value
        }
        try texture.upload(rgba: rgba)
        // Glyph quads sit on whole pixels at their own size, so nearest sampling copies coverage exactly.
        glBindTexture(GLenum(GL_TEXTURE_2D), texture.name)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GL_NEAREST)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GL_NEAREST)
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
        let entry = SizedAtlas(atlas: atlas, texture: texture)
        atlases[pointSize] = entry
        return entry
    }

    /// How many atlases (font sizes) have been built.
    public var atlasCount: Int { atlases.count }

    /// Draws `model` into the bound framebuffer, `width`×`height` pixels, with text of `pointSize` points
    /// (default: sized to the frame). Blending is enabled only for the draw and restored after.
    @discardableResult
    public func draw(_ model: HUDModel, width: Int, height: Int, pointSize: Int32? = nil) throws -> HUDLayout {
        let entry = try sized(pointSize ?? Self.pointSize(forHeight: height))
        let layout = HUDLayout(model: model, atlas: entry.atlas, width: width, height: height)
        lastLayout = layout
        guard !layout.quads.isEmpty, width > 0, height > 0 else { return layout }
        vertices.upload(Self.triangles(layout.quads))

        var blendWasOn: GLboolean = 0
        glGetBooleanv(GLenum(GL_BLEND), &blendWasOn)
        var saved = [GLint](repeating: 0, count: 4)
        glGetIntegerv(GLenum(GL_BLEND_SRC_RGB), &saved[0])
        glGetIntegerv(GLenum(GL_BLEND_DST_RGB), &saved[1])
        glGetIntegerv(GLenum(GL_BLEND_SRC_ALPHA), &saved[2])
        glGetIntegerv(GLenum(GL_BLEND_DST_ALPHA), &saved[3])

        glViewport(0, 0, GLsizei(width), GLsizei(height))
        glEnable(GLenum(GL_BLEND))
        glBlendFuncSeparate(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA), GLenum(GL_ONE), GLenum(GL_ONE_MINUS_SRC_ALPHA))
        program.use()
        program.set("viewport", Float(width), Float(height))
        program.set("atlas", Int32(0))
        entry.texture.bind(unit: 0)
        array.bind()
        glDrawArrays(GLenum(GL_TRIANGLES), 0, GLsizei(layout.quads.count * 6))
        VertexArray.unbind()
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
        glUseProgram(0)

        glBlendFuncSeparate(GLenum(saved[0]), GLenum(saved[1]), GLenum(saved[2]), GLenum(saved[3]))
        if blendWasOn == 0 { glDisable(GLenum(GL_BLEND)) }
        try checkGLError("drawing the HUD")
        return layout
    }

    /// Two triangles per quad: position, texture coordinate, colour (8 floats a vertex).
    static func triangles(_ quads: [HUDQuad]) -> [Float] {
        var out: [Float] = []
        out.reserveCapacity(quads.count * 48)
        for q in quads {
            let c = q.color
            let x1 = q.x + q.width, y1 = q.y + q.height
            let corners: [(Float, Float, Float, Float)] = [
                (q.x, q.y, q.u0, q.v0), (x1, q.y, q.u1, q.v0), (x1, y1, q.u1, q.v1),
                (q.x, q.y, q.u0, q.v0), (x1, y1, q.u1, q.v1), (q.x, y1, q.u0, q.v1),
            ]
            for (x, y, u, v) in corners {
                out.append(contentsOf: [x, y, u, v, c.red, c.green, c.blue, c.alpha])
            }
        }
        return out
    }
}
