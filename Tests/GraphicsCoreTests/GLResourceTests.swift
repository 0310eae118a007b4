import CGL
import GraphicsCore
import Testing

/// GL contexts are process-wide driver state, so these run one at a time.
@Suite(.serialized)
struct GLResourceTests {
    static let vertex = """
        #version 330 core
        layout(location = 0) in vec2 position;
        void main() { gl_Position = vec4(position, 0.0, 1.0); }
        """
    static let fragment = """
        #version 330 core
        uniform vec4 tint;
        out vec4 color;
        void main() { color = tint; }
        """

    @Test func readbackIsTopRowFirst() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let framebuffer = try Framebuffer(width: 4, height: 2)
        framebuffer.clear(red: 0, green: 0, blue: 1)
        // Paint only the bottom row (GL row 0) red with a scissor.
        glEnable(GLenum(GL_SCISSOR_TEST))
        glScissor(0, 0, 4, 1)
        glClearColor(1, 0, 0, 1)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT))
        glDisable(GLenum(GL_SCISSOR_TEST))
        let rgb = try framebuffer.readRGB()
        #expect(rgb.count == 4 * 2 * 3)
        #expect(Array(rgb[0..<3]) == [0, 0, 255])  // top row first: blue
        #expect(Array(rgb[12..<15]) == [255, 0, 0])  // then the bottom row: red
    }

    @Test func programDrawsAUniformColourThroughAVertexArray() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let program = try ShaderProgram(label: "tint", vertex: Self.vertex, fragment: Self.fragment)
        let framebuffer = try Framebuffer(width: 8, height: 8)
        framebuffer.clear()
        let vertices = GLBuffer(kind: .vertices)
        let array = VertexArray()
        vertices.upload([Float]([-1, -1, 3, -1, -1, 3]))
        array.setAttribute(0, buffer: vertices, components: 2, stride: 2, offset: 0)
        program.use()
        program.set("tint", 0, 1, 0, 1)
        #expect(program.location("tint") >= 0)
        #expect(program.location("missing") == -1)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        try checkGLError("drawing a triangle")
        let rgb = try framebuffer.readRGB()
        #expect(rgb.allSatisfy { $0 == 0 || $0 == 255 })
        #expect(Array(rgb[0..<3]) == [0, 255, 0])
    }

    @Test func compileErrorsCarryTheDriverLog() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        #expect {
            _ = try ShaderProgram(label: "broken", vertex: Self.vertex, fragment: "#version 330 core\nvoid main() { oops; }")
        } throws: { error in
            guard case let GraphicsCoreError.shaderCompile(name, stage, log)? = error as? GraphicsCoreError else { return false }
            return name == "broken" && stage == "fragment" && !log.isEmpty
        }
    }

    @Test func textureUploadRoundTripsThroughAFramebuffer() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let texture = try Texture2D(width: 2, height: 1)
        try texture.upload(rgba: [10, 20, 30, 255, 40, 50, 60, 255])
        #expect(throws: GraphicsCoreError.self) { try texture.upload(rgba: [1, 2, 3]) }
        #expect(throws: GraphicsCoreError.self) { _ = try Texture2D(width: 0, height: 4) }
    }
}
