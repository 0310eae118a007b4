/// GLSL 330 sources of the layer's own passes.
///
/// They are embedded as string constants rather than loaded from `shaders/` at run time, so the library has
/// no resource lookup and a test binary finds them wherever it runs; `shaders/README.md` says so.
enum Shaders {
    /// Position in clip space, texture coordinate and colour; the colour modulates the texture.
    static let texturedVertex = """
        #version 330 core
        layout(location = 0) in vec2 position;
        layout(location = 1) in vec2 texcoord;
        layout(location = 2) in vec4 color;
        out vec2 v_texcoord;
        out vec4 v_color;
        void main() {
            gl_Position = vec4(position, 0.0, 1.0);
            v_texcoord = texcoord;
            v_color = color;
        }
        """

    static let texturedFragment = """
        #version 330 core
        uniform sampler2D image;
        in vec2 v_texcoord;
        in vec4 v_color;
        out vec4 fragment;
        void main() { fragment = v_color * texture(image, v_texcoord); }
        """

    /// Position and colour only: waves, borders, filters, motion vectors.
    static let colorVertex = """
        #version 330 core
        layout(location = 0) in vec2 position;
        layout(location = 2) in vec4 color;
        out vec4 v_color;
        void main() {
            gl_Position = vec4(position, 0.0, 1.0);
            v_color = color;
        }
        """

    static let colorFragment = """
        #version 330 core
        in vec4 v_color;
        out vec4 fragment;
        void main() { fragment = v_color; }
        """

    /// The composite in one pass: the picture at two texture coordinates (plain and video echo), each weighted by
    /// the summed colours of MilkDrop's echo and gamma redraws, which are all additive.
    static let compositeVertex = """
        #version 330 core
        layout(location = 0) in vec2 position;
        layout(location = 1) in vec4 texcoords;
        layout(location = 2) in vec3 weight0;
        layout(location = 3) in vec3 weight1;
        out vec4 v_texcoords;
        out vec3 v_weight0;
        out vec3 v_weight1;
        void main() {
            gl_Position = vec4(position, 0.0, 1.0);
            v_texcoords = texcoords;
            v_weight0 = weight0;
            v_weight1 = weight1;
        }
        """

    /// The composite's fragment stage. llvmpipe runs both sides of a branch, so each case is its own program:
    /// `stretched` samples a feedback texture smaller than the picture (projectM's size) instead of fetching texel
    /// for pixel, and `echo` adds the video-echo sample (weight 0 everywhere when the preset has no echo).
    static func compositeFragment(stretched: Bool, echo: Bool) -> String {
        """
        #version 330 core
        uniform sampler2D image;
        in vec4 v_texcoords;
        in vec3 v_weight0;
        in vec3 v_weight1;
        out vec4 fragment;
        void main() {
            vec3 color = \(stretched ? "texture(image, v_texcoords.xy).rgb" : "texelFetch(image, ivec2(gl_FragCoord.xy), 0).rgb") * v_weight0;
            \(echo ? "color += texture(image, v_texcoords.zw).rgb * v_weight1;" : "")
            fragment = vec4(min(color, vec3(1.0)), 1.0);
        }
        """
    }
}
