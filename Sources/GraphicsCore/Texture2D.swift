import CGL

/// A 2D texture that owns its GL name; the context that made it must be current when it is freed.
public final class Texture2D {
    /// The GL texture name.
    public let name: GLuint
    public let width: Int
    public let height: Int

    /// Pixel storage a texture can have.
    public enum Format: Sendable {
        /// 8 bits per channel, what MilkDrop's feedback buffer uses.
        case rgba8
        /// 16-bit float per channel, for intermediate buffers that must not clip.
        case rgba16f
        /// Two 16-bit float channels (motion-vector UV maps).
        case rg16f
        /// 32-bit float per channel, for data read with `texelFetch` (exact floats).
        case rgba32f

        var internalFormat: GLint {
            switch self {
            case .rgba8: return GL_RGBA8
            case .rgba16f: return GL_RGBA16F
            case .rg16f: return GL_RG16F
            case .rgba32f: return GL_RGBA32F
            }
        }

        var pixelFormat: GLenum { self == .rg16f ? GLenum(GL_RG) : GLenum(GL_RGBA) }
        var pixelType: GLenum { self == .rgba8 ? GLenum(GL_UNSIGNED_BYTE) : GLenum(GL_FLOAT) }
    }

    /// How the texture is sampled outside 0...1.
    public enum Wrap: Sendable { case clamp, `repeat` }

    /// Allocates an uninitialised texture of `width`×`height` with linear filtering and clamped edges.
    public init(width: Int, height: Int, format: Format = .rgba8) throws {
        guard width > 0, height > 0, width <= 16384, height <= 16384 else {
            throw GraphicsCoreError.invalidSize(what: "texture", width: width, height: height)
        }
        var name: GLuint = 0
        glGenTextures(1, &name)
        GLObjectCounter.created(.texture)
        self.name = name
        self.width = width
        self.height = height
        glBindTexture(GLenum(GL_TEXTURE_2D), name)
        glTexImage2D(GLenum(GL_TEXTURE_2D), 0, format.internalFormat, GLsizei(width), GLsizei(height), 0,
                     format.pixelFormat, format.pixelType, nil)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GL_LINEAR)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GL_LINEAR)
        setWrap(.clamp)
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
        try checkGLError("creating a \(width)x\(height) texture")
    }

    /// Uploads RGBA8 pixels, bottom row first as GL stores them.
    public func upload(rgba: [UInt8]) throws {
        guard rgba.count == width * height * 4 else {
            throw GraphicsCoreError.invalidSize(what: "RGBA upload of \(rgba.count) bytes", width: width, height: height)
        }
        glBindTexture(GLenum(GL_TEXTURE_2D), name)
        glPixelStorei(GLenum(GL_UNPACK_ALIGNMENT), 1)
        glTexSubImage2D(GLenum(GL_TEXTURE_2D), 0, 0, 0, GLsizei(width), GLsizei(height),
                        GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), rgba)
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
        try checkGLError("uploading a \(width)x\(height) texture")
    }

    /// Uploads RGBA 32-bit float texels (4 floats each), bottom row first; for `.rgba32f` textures.
    public func upload(rgbaFloats: [Float]) throws {
        guard rgbaFloats.count == width * height * 4 else {
            throw GraphicsCoreError.invalidSize(what: "RGBA float upload of \(rgbaFloats.count) floats", width: width, height: height)
        }
        glBindTexture(GLenum(GL_TEXTURE_2D), name)
        glPixelStorei(GLenum(GL_UNPACK_ALIGNMENT), 4)
        glTexSubImage2D(GLenum(GL_TEXTURE_2D), 0, 0, 0, GLsizei(width), GLsizei(height), GLenum(GL_RGBA), GLenum(GL_FLOAT),
                        rgbaFloats)
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
    }

    /// Switches to nearest filtering (for data textures; the texture is left bound to the active unit).
    public func setNearest() {
        glBindTexture(GLenum(GL_TEXTURE_2D), name)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MIN_FILTER), GL_NEAREST)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_MAG_FILTER), GL_NEAREST)
    }

    /// Binds the texture to texture unit `unit`.
    public func bind(unit: Int) {
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
        glBindTexture(GLenum(GL_TEXTURE_2D), name)
    }

    /// Sets the wrap mode on both axes; the texture is left bound to the active unit.
    public func setWrap(_ wrap: Wrap) {
        glBindTexture(GLenum(GL_TEXTURE_2D), name)
        let mode = wrap == .repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_S), mode)
        glTexParameteri(GLenum(GL_TEXTURE_2D), GLenum(GL_TEXTURE_WRAP_T), mode)
    }

    deinit {
        var name = self.name
        glDeleteTextures(1, &name)
        GLObjectCounter.deleted(.texture)
    }
}
