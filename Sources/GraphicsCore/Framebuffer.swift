import CGL

/// A framebuffer object drawing into one colour texture it owns.
public final class Framebuffer {
    /// The GL framebuffer name.
    public let name: GLuint
    /// The colour attachment.
    public let texture: Texture2D

    public var width: Int { texture.width }
    public var height: Int { texture.height }

    /// Creates a `width`×`height` framebuffer with a fresh colour texture of `format`.
    public init(width: Int, height: Int, format: Texture2D.Format = .rgba8) throws {
        let texture = try Texture2D(width: width, height: height, format: format)
        var name: GLuint = 0
        glGenFramebuffers(1, &name)
        GLObjectCounter.created(.framebuffer)
        self.name = name
        self.texture = texture
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), name)
        glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT0), GLenum(GL_TEXTURE_2D), texture.name, 0)
        let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
        guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
            throw GraphicsCoreError.framebufferIncomplete(status: status)
        }
        try checkGLError("creating a \(width)x\(height) framebuffer")
    }

    /// Binds it for drawing and sets the viewport to its whole area.
    public func bind() {
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), name)
        glViewport(0, 0, GLsizei(width), GLsizei(height))
    }

    /// Clears to a colour (the framebuffer is left bound).
    public func clear(red: Float = 0, green: Float = 0, blue: Float = 0, alpha: Float = 1) {
        bind()
        glClearColor(red, green, blue, alpha)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT))
    }

    /// Binds the default framebuffer (a window's back buffer) for drawing.
    public static func bindDefault(width: Int, height: Int) {
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
        glViewport(0, 0, GLsizei(width), GLsizei(height))
    }

    deinit {
        var name = self.name
        glDeleteFramebuffers(1, &name)
        GLObjectCounter.deleted(.framebuffer)
    }
}

extension Framebuffer {
    /// Copies the colour attachment, scaled with linear filtering, onto the default framebuffer (a window).
    public func blitToDefault(width: Int, height: Int) {
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), name)
        glBindFramebuffer(GLenum(GL_DRAW_FRAMEBUFFER), 0)
        glBlitFramebuffer(0, 0, GLint(self.width), GLint(self.height), 0, 0, GLint(width), GLint(height),
                          GLbitfield(GL_COLOR_BUFFER_BIT), GLenum(GL_LINEAR))
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
    }
}
