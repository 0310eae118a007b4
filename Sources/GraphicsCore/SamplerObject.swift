import CGL

/// A GL sampler object: how a texture unit filters and wraps, independent of the texture bound to it.
///
/// MilkDrop 2 picks these per sampler name (`sampler_fw_main` = filtered and wrapped, `pc_` = point and clamped),
/// so one texture is read several ways in the same shader.
public final class SamplerObject {
    /// The GL sampler name.
    public let name: GLuint
    public let linear: Bool
    public let wrap: Bool

    /// Creates a sampler with linear or nearest filtering and repeat or clamp-to-edge on all three axes.
    public init(linear: Bool, wrap: Bool) {
        var name: GLuint = 0
        glGenSamplers(1, &name)
        self.name = name
        self.linear = linear
        self.wrap = wrap
        let filter = linear ? GL_LINEAR : GL_NEAREST
        glSamplerParameteri(name, GLenum(GL_TEXTURE_MIN_FILTER), filter)
        glSamplerParameteri(name, GLenum(GL_TEXTURE_MAG_FILTER), filter)
        let mode = wrap ? GL_REPEAT : GL_CLAMP_TO_EDGE
        for axis in [GL_TEXTURE_WRAP_S, GL_TEXTURE_WRAP_T, GL_TEXTURE_WRAP_R] {
            glSamplerParameteri(name, GLenum(axis), mode)
        }
    }

    /// Uses this sampler on texture unit `unit`.
    public func bind(unit: Int) { glBindSampler(GLuint(unit), name) }

    /// Returns texture unit `unit` to its textures' own parameters.
    public static func unbind(unit: Int) { glBindSampler(GLuint(unit), 0) }

    deinit {
        var name = self.name
        glDeleteSamplers(1, &name)
    }
}
