/// Which of MilkDrop 2's two per-preset shaders a text is.
public enum ShaderStage: String, Sendable, CaseIterable, Codable {
    case warp
    case comp
}

/// A sampler a translated shader reads.
public struct ShaderSampler: Equatable, Sendable, Codable {
    /// The HLSL name, e.g. `sampler_main` or `sampler_pw_noise_lq`.
    public var name: String
    /// The GLSL uniform's name: the HLSL name unless GLSL reserves it (`main` becomes `h_main`).
    public var glslName: String
    /// A `sampler3D` (MilkDrop's `noisevol_*`) rather than a `sampler2D`.
    public var isVolume: Bool
    /// Bilinear filtering rather than point sampling, as MilkDrop chooses from the name (`SamplerState.swift`).
    public var bilinear = true
    /// Repeat rather than clamp addressing, as MilkDrop chooses from the name.
    public var wrap = true
    /// The `sampler_state { … }` block the preset declared for it, which MilkDrop ignores.
    public var declaredState: SamplerState?
}

/// A MilkDrop 2 shader translated to GLSL 330.
public struct TranslatedShader: Equatable, Sendable, Codable {
    public var stage: ShaderStage
    /// Helper functions, then the preset's globals and functions, in GLSL.
    public var declarations: String
    /// The statements of `main` after MilkDrop's locals (`ret`, `uv`, `uv_orig`, `rad`, `ang`, `hue_shader`) are set.
    public var body: String
    /// Samplers used, by name.
    public var samplers: [ShaderSampler]
    /// Environment uniforms used (`time`, `_qa`, `rot_s1`, `texsize_noise_lq` …), by name.
    public var uniforms: [String]
    /// The uniforms among `uniforms` the shader assigns to: HLSL lets a shader change its copy of a uniform,
    /// so in GLSL each is declared `uniform T NAME_in` and copied into a global `NAME` at the top of `main`.
    public var writtenUniforms: [String]

    /// The name to set uniform `name` by in the GLSL program.
    public func glslUniformName(_ name: String) -> String {
        writtenUniforms.contains(name) ? name + "_in" : name
    }

    /// GLSL for the uniform declarations this shader needs, with the globals of written uniforms.
    public var uniformDeclarations: String {
        var lines = samplers.map { "uniform \($0.isVolume ? "sampler3D" : "sampler2D") \($0.glslName);" }
        for name in uniforms {
            let type = (ShaderEnvironment.uniforms[name] ?? .vector(.float, 4)).glsl
            lines.append("uniform \(type) \(glslUniformName(name));")
            if writtenUniforms.contains(name) { lines.append("\(type) \(name);") }
        }
        return lines.joined(separator: "\n")
    }

    /// The statements that copy written uniforms into their globals, first in `main`.
    public var uniformCopies: String {
        writtenUniforms.map { "    \($0) = \($0)_in;" }.joined(separator: "\n")
    }

    /// A complete GLSL 330 fragment shader around the translation, with stand-in inputs
    /// `v_color` (vertex colour), `v_uv` (.xy uv, .zw uv_orig) and `v_rad_ang`.
    public var fragmentShader: String {
        var text = "#version 330\nin vec4 v_color;\nin vec4 v_uv;\nin vec2 v_rad_ang;\nout vec4 fragColor;\n"
        text += uniformDeclarations + "\n" + declarations + "\n"
        text += "void main()\n{\n"
        text += "    vec3 ret = vec3(0.0);\n    vec2 uv = v_uv.xy;\n    vec2 uv_orig = v_uv.zw;\n"
        text += "    float rad = v_rad_ang.x;\n    float ang = v_rad_ang.y;\n    vec3 hue_shader = v_color.xyz;\n"
        if !writtenUniforms.isEmpty { text += uniformCopies + "\n" }
        text += body + "\n"
        text += stage == .warp ? "    fragColor = vec4(ret, v_color.w);\n}\n" : "    fragColor = vec4(ret, 1.0);\n}\n"
        return text
    }
}

/// Translates MilkDrop 2's HLSL warp and comp shaders to GLSL 330: preprocess, parse, type-check and emit.
public enum ShaderTranslator {
    /// Translates the text between a preset's backticks (`Preset.warpShaderText` / `compShaderText`).
    public static func translate(_ text: String, stage: ShaderStage) throws -> TranslatedShader {
        var preprocessor = Preprocessor()
        for macro in ShaderEnvironment.macros { try preprocessor.define(macro) }
        let tokens = try preprocessor.run(try Lexer.tokens(text))
        var parser = Parser(tokens + [Token(kind: .end, text: "", line: tokens.last?.line ?? 0)])
        let items = try parser.parseProgram()
        var emitter = GLSLEmitter()
        let program = try emitter.program(items)
        let declarations = emitter.helperText + program.declarations
        let samplers = emitter.usedSamplers.keys.sorted().map {
            ShaderSampler.milkDrop(name: $0, glslName: GLSLEmitter.glslName($0), isVolume: emitter.usedSamplers[$0] == .sampler3D,
                                   declaredState: parser.samplerStates[$0])
        }
        return TranslatedShader(
            stage: stage,
            declarations: declarations.joined(separator: "\n"),
            body: (program.globalInitializers + program.body).joined(separator: "\n"),
            samplers: samplers,
            uniforms: emitter.usedUniforms.sorted(),
            writtenUniforms: emitter.writtenUniforms.sorted()
        )
    }
}
