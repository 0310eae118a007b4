import CGL
import GraphicsCore

/// MilkDrop 2's blur textures: six separable passes (horizontal then vertical per level) over shrinking
/// targets; the user sees the vertical results as `blur1`, `blur2`, `blur3`.
///
/// Each level stores its picture rescaled from its [min, max] range to 0…1 (MilkDrop's `fscale`/`fbias`), and
/// `GetBlurN` maps it back. Only the levels a preset samples are computed.
final class BlurPyramid {
    /// The six targets, MilkDrop's sizes: halve (at least 16), round the width up to 16 and the height to 4;
    /// passes 0 and 1 halve, then every even pass halves again.
    let targets: [Framebuffer]
    private let horizontal: ShaderProgram
    private let vertical: ShaderProgram
    private let horizontalLocations: [GLint]
    private let verticalLocations: [GLint]
    private let quad = VertexArray()
    private let quadBuffer = GLBuffer(kind: .vertices)
    private let sampler = SamplerObject(linear: true, wrap: false)

    /// MilkDrop's eight blur weights, folded into four bilinear taps (horizontal) and two (vertical).
    private static let weights: [Float] = [4.0, 3.8, 3.5, 2.9, 1.9, 1.2, 0.7, 0.3]

    init(width: Int, height: Int) throws {
        targets = try Self.sizes(width: width, height: height).map { try Framebuffer(width: $0.0, height: $0.1) }
        let horizontal = try ShaderProgram(label: "blur horizontal", vertex: Self.vertexSource, fragment: Self.horizontalSource)
        let vertical = try ShaderProgram(label: "blur vertical", vertex: Self.vertexSource, fragment: Self.verticalSource)
        horizontalLocations = ["source", "texel", "weights", "offsets", "scaleBias"].map { horizontal.location($0) }
        verticalLocations = ["source", "texel", "weightsOffsets", "darken"].map { vertical.location($0) }
        self.horizontal = horizontal
        self.vertical = vertical
        quad.setAttribute(0, buffer: quadBuffer, components: 2, stride: 2, offset: 0)
        quadBuffer.upload([-1, -1, 1, -1, -1, 1, 1, 1] as [Float])
        VertexArray.unbind()
    }

    /// The texture the shaders read as `blurN` (1…3).
    func texture(level: Int) -> Texture2D { targets[min(max(level, 1), 3) * 2 - 1].texture }

    /// Blurs `source` (a `width`×`height` picture) up to `levels` (1…3) with the frame's blur ranges.
    func update(source: Texture2D, levels: Int, values: ShaderFrameValues) {
        update(source: source, levels: levels, blurMin: values.blurMin, blurMax: values.blurMax,
               edgeDarken: values.blur1EdgeDarken)
    }

    /// Runs all six passes once on `source` with MilkDrop's default ranges, so llvmpipe generates their code now.
    func warmUp(source: Texture2D) {
        update(source: source, levels: 3, blurMin: .zero, blurMax: .one, edgeDarken: 0.25)
    }

    private func update(source: Texture2D, levels: Int, blurMin: SIMD3<Float>, blurMax: SIMD3<Float>, edgeDarken: Float) {
        let passes = min(6, max(levels, 0) * 2)
        guard passes > 0 else { return }
        let range = ShaderEnvironmentUniforms.safeBlurRange(minimum: blurMin, maximum: blurMax)
        let low = range.minimum, high = range.maximum
        // The scale and bias that take each level's input range to its own [min, max] → 0…1.
        var scale = [Float](repeating: 1, count: 3), bias = [Float](repeating: 0, count: 3)
        scale[0] = 1 / (high[0] - low[0])
        bias[0] = -low[0] * scale[0]
        for level in 1..<3 {
            let lowIn = (low[level] - low[level - 1]) / (high[level - 1] - low[level - 1])
            let highIn = (high[level] - low[level - 1]) / (high[level - 1] - low[level - 1])
            scale[level] = 1 / (highIn - lowIn)
            bias[level] = -lowIn * scale[level]
        }
        let w = Self.weights
        glDisable(GLenum(GL_BLEND))
        quad.bind()
        sampler.bind(unit: 0)
        for pass in 0..<passes {
            let input = pass == 0 ? source : targets[pass - 1].texture
            targets[pass].bind()
            input.bind(unit: 0)
            let texel = (Float(1) / Float(input.width), Float(1) / Float(input.height))
            if pass % 2 == 0 {
                let w1 = w[0] + w[1], w2 = w[2] + w[3], w3 = w[4] + w[5], w4 = w[6] + w[7]
                horizontal.use()
                glUniform1i(horizontalLocations[0], 0)
                glUniform2f(horizontalLocations[1], texel.0, texel.1)
                glUniform4f(horizontalLocations[2], w1, w2, w3, w4)
                glUniform4f(horizontalLocations[3], 2 * w[1] / w1, 2 + 2 * w[3] / w2, 4 + 2 * w[5] / w3, 6 + 2 * w[7] / w4)
                glUniform3f(horizontalLocations[4], sanitized(scale[pass / 2]), sanitized(bias[pass / 2]), 0.5 / (w1 + w2 + w3 + w4))
            } else {
                let w1 = w[0] + w[1] + w[2] + w[3], w2 = w[4] + w[5] + w[6] + w[7]
                vertical.use()
                glUniform1i(verticalLocations[0], 0)
                glUniform2f(verticalLocations[1], texel.0, texel.1)
                glUniform4f(verticalLocations[2], w1, w2, 2 * ((w[2] + w[3]) / w1), 2 + 2 * ((w[6] + w[7]) / w2))
                // Only the first vertical pass darkens the edges: repeated, it would draw dark lines at the borders.
                let edge = pass == 1 ? edgeDarken : 0
                glUniform4f(verticalLocations[3], 1 / ((w1 + w2) * 2), 1 - edge, edge, 5)
            }
            glDrawArrays(GLenum(GL_TRIANGLE_STRIP), 0, 4)
        }
        SamplerObject.unbind(unit: 0)
    }

    /// A range of zero width (MilkDrop's widening slip) gives an infinite scale; GL would turn it into NaN.
    private func sanitized(_ value: Float) -> Float { value.isFinite ? value : (value > 0 ? 1e6 : -1e6) }

    static let vertexSource = """
        #version 330 core
        layout(location = 0) in vec2 position;
        out vec2 uv;
        void main() {
            gl_Position = vec4(position, 0.0, 1.0);
            uv = position * 0.5 + 0.5;
        }
        """

    static let horizontalSource = """
        #version 330 core
        uniform sampler2D source;
        uniform vec2 texel;
        uniform vec4 weights;
        uniform vec4 offsets;
        uniform vec3 scaleBias;
        in vec2 uv;
        out vec4 fragment;
        vec3 pair(float d) {
            return texture(source, uv + vec2(d * texel.x, 0.0)).rgb + texture(source, uv - vec2(d * texel.x, 0.0)).rgb;
        }
        void main() {
            vec3 blur = pair(offsets.x) * weights.x + pair(offsets.y) * weights.y
                + pair(offsets.z) * weights.z + pair(offsets.w) * weights.w;
            blur *= scaleBias.z;
            fragment = vec4(blur * scaleBias.x + scaleBias.y, 1.0);
        }
        """

    static let verticalSource = """
        #version 330 core
        uniform sampler2D source;
        uniform vec2 texel;
        uniform vec4 weightsOffsets;
        uniform vec4 darken;
        in vec2 uv;
        out vec4 fragment;
        vec3 pair(float d) {
            return texture(source, uv + vec2(0.0, d * texel.y)).rgb + texture(source, uv - vec2(0.0, d * texel.y)).rgb;
        }
        void main() {
            vec3 blur = pair(weightsOffsets.z) * weightsOffsets.x + pair(weightsOffsets.w) * weightsOffsets.y;
            blur *= darken.x;
            float t = sqrt(min(min(uv.x, uv.y), 1.0 - max(uv.x, uv.y)));
            blur *= darken.y + darken.z * clamp(t * darken.w, 0.0, 1.0);
            fragment = vec4(blur, 1.0);
        }
        """
}
