import CGL
import GraphicsCore

/// How a draw call mixes with what is already in the target.
enum Blend: Equatable {
    case none
    /// Source over (`SRC_ALPHA, ONE_MINUS_SRC_ALPHA`).
    case alpha
    /// Additive with alpha (`SRC_ALPHA, ONE`).
    case additive
    /// Any other pair of factors, for the composite filters.
    case factors(Int32, Int32)

    func apply() {
        switch self {
        case .none:
            glDisable(GLenum(GL_BLEND))
        case .alpha:
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA))
        case .additive:
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE))
        case let .factors(source, destination):
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(source), GLenum(destination))
        }
    }
}

/// The two programs and streaming buffers every pass draws with: coloured and textured-coloured geometry.
final class Canvas {
    let colorProgram: ShaderProgram
    let texturedProgram: ShaderProgram
    /// The composite's four variants (`Shaders.compositeFragment`), index `(stretched ? 2 : 0) + (echo ? 1 : 0)`.
    let compositePrograms: [ShaderProgram]
    private let compositeArray = VertexArray()
    private let compositeBuffer = GLBuffer(kind: .vertices)
    private let colorArray = VertexArray()
    private let colorBuffer = GLBuffer(kind: .vertices)
    private let texturedArray = VertexArray()
    private let texturedBuffer = GLBuffer(kind: .vertices)

    init() throws {
        colorProgram = try ShaderProgram(label: "layer colour", vertex: Shaders.colorVertex, fragment: Shaders.colorFragment)
        texturedProgram = try ShaderProgram(label: "layer textured", vertex: Shaders.texturedVertex, fragment: Shaders.texturedFragment)
        colorArray.setAttribute(0, buffer: colorBuffer, components: 2, stride: 6, offset: 0)
        colorArray.setAttribute(2, buffer: colorBuffer, components: 4, stride: 6, offset: 2)
        texturedArray.setAttribute(0, buffer: texturedBuffer, components: 2, stride: 8, offset: 0)
        texturedArray.setAttribute(1, buffer: texturedBuffer, components: 2, stride: 8, offset: 2)
        texturedArray.setAttribute(2, buffer: texturedBuffer, components: 4, stride: 8, offset: 4)
        compositePrograms = try [false, true].flatMap { stretched in
            try [false, true].map { echo in
                try ShaderProgram(label: "layer composite", vertex: Shaders.compositeVertex,
                                  fragment: Shaders.compositeFragment(stretched: stretched, echo: echo))
            }
        }
        compositeArray.setAttribute(0, buffer: compositeBuffer, components: 2, stride: 12, offset: 0)
        compositeArray.setAttribute(1, buffer: compositeBuffer, components: 4, stride: 12, offset: 2)
        compositeArray.setAttribute(2, buffer: compositeBuffer, components: 3, stride: 12, offset: 6)
        compositeArray.setAttribute(3, buffer: compositeBuffer, components: 3, stride: 12, offset: 9)
        VertexArray.unbind()
        for program in compositePrograms {
            program.use()
            program.set("image", Int32(0))
        }
        texturedProgram.use()
        texturedProgram.set("image", Int32(0))
    }

    /// Draws coloured vertices, 6 floats each: x, y (clip), r, g, b, a.
    func drawColored(_ vertices: [Float], mode: Int32, blend: Blend) {
        guard vertices.count >= 6 else { return }
        blend.apply()
        colorProgram.use()
        colorArray.bind()
        colorBuffer.upload(vertices)
        glDrawArrays(GLenum(mode), 0, GLsizei(vertices.count / 6))
    }

    /// Draws textured vertices, 8 floats each: x, y (clip), u, v (GL texture space), r, g, b, a.
    func drawTextured(_ vertices: [Float], mode: Int32, texture: Texture2D, blend: Blend) {
        guard vertices.count >= 8 else { return }
        blend.apply()
        texturedProgram.use()
        texture.bind(unit: 0)
        texturedArray.bind()
        texturedBuffer.upload(vertices)
        glDrawArrays(GLenum(mode), 0, GLsizei(vertices.count / 8))
    }

    /// Draws the one-pass composite, 12 floats per vertex: x, y, u0, v0, u1, v1, weight0 (rgb), weight1 (rgb).
    /// `stretched`: the texture is not the target's size, so the plain layer is sampled rather than fetched;
    /// `echo`: some weight1 is not zero (the video echo is drawn).
    func drawComposite(_ vertices: [Float], texture: Texture2D, stretched: Bool = false, echo: Bool = true) {
        Blend.none.apply()
        compositePrograms[(stretched ? 2 : 0) + (echo ? 1 : 0)].use()
        texture.bind(unit: 0)
        compositeArray.bind()
        compositeBuffer.upload(vertices)
        glDrawArrays(GLenum(GL_TRIANGLE_STRIP), 0, GLsizei(vertices.count / 12))
    }
}
