import CGL
import Foundation
import GraphicsCore
import ShaderTranslation

/// Where a sampler of a translated shader reads from, and how (MilkDrop's `fw_`/`fc_`/`pw_`/`pc_` prefixes).
struct ShaderSamplerBinding: Equatable {
    enum Source: Equatable {
        /// The previous frame (warp) or the frame just drawn (comp).
        case main
        case blur(Int)
        case noise(String)
        case volume(String)
        /// Any other texture the preset names (`sampler_rand00`, `sampler_clouds`…), by its texture name.
        case user(String)
    }

    var source: Source
    var linear: Bool
    var wrap: Bool

    /// Reads a sampler name the way MilkDrop's `CShaderParams::CacheParams` does: `sampler_` then an optional
    /// two-letter filter/wrap code, then the texture name. Defaults are filtered and wrapped, blur clamped.
    init(source: Source, linear: Bool, wrap: Bool) {
        self.source = source
        self.linear = linear
        self.wrap = wrap
    }

    init(_ sampler: ShaderSampler) { self.init(name: sampler.name, isVolume: sampler.isVolume) }

    init(name samplerName: String, isVolume: Bool) {
        var name = samplerName.hasPrefix("sampler_") ? String(samplerName.dropFirst(8)) : samplerName
        var linear = true, wrap = true, specified = false
        let codes: [String: (Bool, Bool)] = ["fw": (true, true), "fc": (true, false), "pw": (false, true), "pc": (false, false),
                                             "wf": (true, true), "cf": (true, false), "wp": (false, true), "cp": (false, false)]
        if name.count > 3, name.dropFirst(2).first == "_", let code = codes[String(name.prefix(2)).lowercased()] {
            (linear, wrap) = code
            specified = true
            name = String(name.dropFirst(3))
        }
        let lower = name.lowercased()
        if lower == "main" {
            source = .main
        } else if lower.hasPrefix("blur"), let level = Int(lower.dropFirst(4)), (1...3).contains(level) {
            source = .blur(level)
            if !specified { wrap = false }
        } else if NoiseTextures.kind(named: lower) != nil {
            source = isVolume ? .volume(lower) : .noise(lower)
        } else {
            source = .user(name)
        }
        self.linear = linear
        self.wrap = wrap
    }
}

/// A translated warp or comp shader compiled and linked with MilkDrop's vertex stage, with every uniform
/// location looked up once.
final class ShaderStageProgram {
    /// How a uniform gets its value each frame.
    enum UniformSource {
        case float(Int)
        case vector(Int)
        case mipXY
        case rotation(Int)
    }

    let program: ShaderProgram
    let stage: ShaderStage
    let samplers: [ShaderSamplerBinding]
    /// Per-frame uniforms: location and where the value comes from.
    private(set) var uniforms: [(GLint, UniformSource)] = []
    /// Whether any `rot_*` matrix is read (they are costly enough to skip otherwise).
    var usesRotations: Bool {
        uniforms.contains { if case .rotation = $0.1 { return true } else { return false } }
    }

    /// Compiles `shader`; `textureSize` gives the size of what a sampler reads, for `texsize_NAME`.
    init(_ shader: TranslatedShader, label: String, textureSize: (String) -> (Int, Int)) throws {
        stage = shader.stage
        program = try ShaderProgram(label: label, vertex: Self.vertexSource, fragment: Self.fragmentSource(shader))
        samplers = shader.samplers.map(ShaderSamplerBinding.init)
        program.use()
        for (unit, sampler) in shader.samplers.enumerated() {
            glUniform1i(program.location(sampler.glslName), GLint(unit))
        }
        for name in shader.uniforms {
            let location = program.location(shader.glslUniformName(name))
            guard location >= 0 else { continue }
            if let index = ShaderEnvironmentUniforms.floatNames.firstIndex(of: name) {
                uniforms.append((location, .float(index)))
            } else if let index = ShaderEnvironmentUniforms.vectorNames.firstIndex(of: name) {
                uniforms.append((location, .vector(index)))
            } else if let index = ShaderEnvironmentUniforms.rotationNames.firstIndex(of: name) {
                uniforms.append((location, .rotation(index)))
            } else if name == "mip_xy" {
                uniforms.append((location, .mipXY))
            } else if name.hasPrefix("texsize_") {
                // The bound textures keep their sizes for the layer's life, so these are set once.
                let (w, h) = textureSize(String(name.dropFirst(8)))
                glUniform4f(location, Float(w), Float(h), 1 / Float(max(w, 1)), 1 / Float(max(h, 1)))
            }
        }
    }

    /// Sets this frame's uniforms (the program must be in use).
    func apply(_ environment: ShaderEnvironmentUniforms) {
        for (location, source) in uniforms {
            switch source {
            case let .float(index): glUniform1f(location, environment.floats[index])
            case let .vector(index):
                let v = environment.vectors[index]
                glUniform4f(location, v.x, v.y, v.z, v.w)
            case .mipXY: glUniform2f(location, environment.mipXY.x, environment.mipXY.y)
            case let .rotation(index): glUniformMatrix4x3fv(location, 1, GLboolean(GL_FALSE), environment.rotations[index])
            }
        }
    }

    /// MilkDrop's warp_vs / comp_vs: position, then uv (.xy; .zw = uv_orig), rad and ang, and the vertex colour.
    static let vertexSource = """
        #version 330 core
        layout(location = 0) in vec2 position;
        layout(location = 1) in vec4 texcoords;
        layout(location = 2) in vec2 radAng;
        layout(location = 3) in vec4 color;
        out vec4 v_uv;
        out vec2 v_rad_ang;
        out vec4 v_color;
        void main() {
            gl_Position = vec4(position, 0.0, 1.0);
            v_uv = texcoords;
            v_rad_ang = radAng;
            v_color = color;
        }
        """

    /// Direct3D's texture v runs down from the top; our rendered textures store the bottom row first. Every 2D
    /// lookup goes through these, so the shaders keep MilkDrop's uv maths (images are uploaded bottom row first too).
    static let flipHelpers = """
        vec4 _tx(sampler2D s, vec2 c) { return texture(s, vec2(c.x, 1.0 - c.y)); }
        vec4 _tx(sampler2D s, vec2 c, float b) { return texture(s, vec2(c.x, 1.0 - c.y), b); }
        vec4 _tx(sampler3D s, vec3 c) { return texture(s, c); }
        vec4 _tx(sampler3D s, vec3 c, float b) { return texture(s, c, b); }
        vec4 _txLod(sampler2D s, vec2 c, float l) { return textureLod(s, vec2(c.x, 1.0 - c.y), l); }
        vec4 _txLod(sampler3D s, vec3 c, float l) { return textureLod(s, c, l); }
        vec4 _txProj(sampler2D s, vec4 c) { return textureProj(s, vec4(c.x, c.w - c.y, c.z, c.w)); }
        vec4 _txGrad(sampler2D s, vec2 c, vec2 dx, vec2 dy) {
            return textureGrad(s, vec2(c.x, 1.0 - c.y), vec2(dx.x, -dx.y), vec2(dy.x, -dy.y));
        }

        """

    // Word-boundary matches, so a preset's own `h_texture(` (a renamed reserved word) is left alone.
    private static let lookups = try? NSRegularExpression(pattern: "\\btexture(Lod|Proj|Grad)?\\(")

    /// The translator's fragment shader with every texture lookup flipped to MilkDrop's orientation, and the comp
    /// writing the vertex colour's alpha as MilkDrop's wrapper does (`float4(ret.xyz, _vDiffuse.w)`): 1 except
    /// while two presets blend, when it carries the blend's weight.
    static func fragmentSource(_ shader: TranslatedShader) -> String {
        var text = shader.fragmentShader.replacingOccurrences(of: "fragColor = vec4(ret, 1.0);",
                                                             with: "fragColor = vec4(ret, v_color.w);")
        if let lookups {
            let range = NSRange(text.startIndex..., in: text)
            text = lookups.stringByReplacingMatches(in: text, range: range, withTemplate: "_tx$1(")
        }
        guard let firstLine = text.range(of: "\n") else { return text }
        text.insert(contentsOf: "\n" + flipHelpers, at: firstLine.upperBound)
        return text
    }
}
