import CGL
import GraphicsCore
import Testing

/// GL contexts are process-wide driver state, so these run one at a time.
@Suite(.serialized)
struct HeadlessContextTests {
    @Test func surfacelessContextReportsARendererAndCoreVersion() throws {
        let context = try HeadlessContext()
        let info = context.info
        #expect(!info.renderer.isEmpty)
        #expect(info.version.hasPrefix("3.3") || info.version.hasPrefix("4."))
        try checkGLError("reading GL strings")
    }

    @Test func clearsAFramebufferAndReadsThePixelBack() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        var texture: GLuint = 0
        var framebuffer: GLuint = 0
        glGenTextures(1, &texture)
        glBindTexture(GLenum(GL_TEXTURE_2D), texture)
        glTexImage2D(GLenum(GL_TEXTURE_2D), 0, GL_RGBA8, 4, 4, 0, GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), nil)
        glGenFramebuffers(1, &framebuffer)
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffer)
        glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT0), GLenum(GL_TEXTURE_2D), texture, 0)
        #expect(glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER)) == GLenum(GL_FRAMEBUFFER_COMPLETE))
        glViewport(0, 0, 4, 4)
        glClearColor(1, 0.5, 0, 1)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT))
        var pixel = [UInt8](repeating: 0, count: 4)
        glReadPixels(1, 1, 1, 1, GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), &pixel)
        try checkGLError("clear and read back")
        #expect(pixel[0] == 255 && pixel[2] == 0 && pixel[3] == 255)
        #expect(abs(Int(pixel[1]) - 128) <= 1)
        glDeleteFramebuffers(1, &framebuffer)
        glDeleteTextures(1, &texture)
    }
}
