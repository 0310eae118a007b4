import CGL

/// A 3D RGBA8 texture (MilkDrop's `noisevol_*` volumes) that owns its GL name.
///
/// The context that made it must be current when it is freed.
public final class Texture3D {
    /// The GL texture name.
    public let name: GLuint
    public let width: Int
    public let height: Int
    public let depth: Int

    /// Creates a `width`×`height`×`depth` texture from RGBA8 texels (x fastest, then y, then z), linear filtering
    /// and repeat wrapping.
    public init(width: Int, height: Int, depth: Int, rgba: [UInt8]) throws {
        guard (1...1024).contains(width), (1...1024).contains(height), (1...1024).contains(depth) else {
            throw GraphicsCoreError.invalidSize(what: "3D texture of depth \(depth)", width: width, height: height)
        }
        guard rgba.count == width * height * depth * 4 else {
            throw GraphicsCoreError.invalidSize(what: "3D RGBA upload of \(rgba.count) bytes", width: width, height: height)
        }
        var name: GLuint = 0
        glGenTextures(1, &name)
        self.name = name
        self.width = width
        self.height = height
        self.depth = depth
        let target = GLenum(GL_TEXTURE_3D)
        glBindTexture(target, name)
        glPixelStorei(GLenum(GL_UNPACK_ALIGNMENT), 1)
        glTexImage3D(target, 0, GL_RGBA8, GLsizei(width), GLsizei(height), GLsizei(depth), 0,
                     GLenum(GL_RGBA), GLenum(GL_UNSIGNED_BYTE), rgba)
        glTexParameteri(target, GLenum(GL_TEXTURE_MIN_FILTER), GL_LINEAR)
        glTexParameteri(target, GLenum(GL_TEXTURE_MAG_FILTER), GL_LINEAR)
        for axis in [GL_TEXTURE_WRAP_S, GL_TEXTURE_WRAP_T, GL_TEXTURE_WRAP_R] {
            glTexParameteri(target, GLenum(axis), GL_REPEAT)
        }
        glBindTexture(target, 0)
        try checkGLError("creating a \(width)x\(height)x\(depth) 3D texture")
    }

    /// Binds the texture to texture unit `unit`.
    public func bind(unit: Int) {
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
        glBindTexture(GLenum(GL_TEXTURE_3D), name)
    }

    deinit {
        var name = self.name
        glDeleteTextures(1, &name)
    }
}
