import CGL
import GraphicsCore

extension SamplerObject {
    /// A sampler that also filters between mipmap levels, as MilkDrop's `D3DSAMP_MIPFILTER` does: linear between
    /// levels when filtered, the nearest level when point-sampled. Only for textures that have mipmaps (a texture
    /// without them is incomplete under a mipmap filter).
    convenience init(linear: Bool, wrap: Bool, mipmapped: Bool) {
        self.init(linear: linear, wrap: wrap)
        guard mipmapped else { return }
        glSamplerParameteri(name, GLenum(GL_TEXTURE_MIN_FILTER), linear ? GL_LINEAR_MIPMAP_LINEAR : GL_NEAREST_MIPMAP_NEAREST)
    }
}
