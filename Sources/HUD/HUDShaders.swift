/// The overlay's one GLSL 330 program: pixel-space quads, tinted by the atlas's coverage.
enum HUDShaders {
    static let vertex = """
        #version 330 core
        layout(location = 0) in vec2 position;
        layout(location = 1) in vec2 texCoord;
        layout(location = 2) in vec4 tint;
        uniform vec2 viewport;
        out vec2 uv;
        out vec4 colour;
        void main() {
            // Pixels with y down, as the layout measures them.
            gl_Position = vec4(position.x / viewport.x * 2.0 - 1.0, 1.0 - position.y / viewport.y * 2.0, 0.0, 1.0);
            uv = texCoord;
            colour = tint;
        }
        """

    static let fragment = """
        #version 330 core
        in vec2 uv;
        in vec4 colour;
        uniform sampler2D atlas;
        out vec4 fragColour;
        void main() {
            fragColour = vec4(colour.rgb, colour.a * texture(atlas, uv).r);
        }
        """
}
