import Testing
@testable import ShaderTranslation

/// Direct3D 9 arithmetic and `sampler_state` blocks. Each case's GLSL is checked, and compiled by glslang, with
/// the other constructs in `ShaderTranslatorTests`.
struct DX9MathsTests {
    static let cases: [ConstructCase] = [
        .init(name: "pow with an odd integer literal keeps the sign", body: "ret = pow(uv.x - 0.5, 3);",
              expected: ["_hlsl_pow3((uv.x - 0.5))", "float _hlsl_pow3(float x) { float x2 = x * x; return x * x2; }"]),
        .init(name: "pow with an integral float literal", body: "ret = pow(ret, 2.0);",
              expected: ["ret = _hlsl_pow2(ret);", "vec3 _hlsl_pow2(vec3 x) { vec3 x2 = x * x; return x2; }"]),
        .init(name: "pow with exponent 0 is 1", body: "ret = pow(rad, 0);", expected: ["_hlsl_pow0(rad)", "float _hlsl_pow0(float x) { return float(1.0); }"]),
        .init(name: "pow with exponent 8 squares three times", body: "ret = pow(rad, 8);",
              expected: ["float x2 = x * x; float x4 = x2 * x2; float x8 = x4 * x4; return x8;"]),
        .init(name: "pow with a fractional exponent reads |x|", body: "ret = pow(rad - 1, 1.5);", expected: ["pow(abs((rad - 1.0)), 1.5)"]),
        .init(name: "pow with a large integral exponent reads |x|", body: "ret = pow(rad, 9);", expected: ["pow(abs(rad), 9.0)"]),
        .init(name: "pow with a variable exponent reads |x|", body: "ret = pow(ret, rad);", expected: ["pow(abs(ret), vec3(rad))"]),
        .init(name: "float division by a variable gives 0 for 0/0", body: "ret = uv.x / uv.y;",
              expected: ["_hlsl_div(uv.x, uv.y)", "float _hlsl_div(float x, float y) { return x == 0.0 ? 0.0 : x / y; }"]),
        .init(name: "vector divided by a scalar variable", body: "ret = ret / rad;",
              expected: ["_hlsl_div(ret, vec3(rad))", "vec3 _hlsl_div(vec3 x, vec3 y) { return mix(x / y, vec3(0.0), equal(x, vec3(0.0))); }"]),
        .init(name: "division by a literal stays plain", body: "ret = ret / 2;", expected: ["ret = (ret / 2.0);"]),
        .init(name: "compound division assigns the helper's result", body: "ret /= rad;", expected: ["ret = _hlsl_div(ret, vec3(rad));"]),
        .init(name: "integer division stays integer", body: "int a = 7; int b = 2; ret = a / b;", expected: ["ret = vec3(float((a / b)));"]),
        .init(name: "normalize of zero stays zero", body: "float2 d = normalize(uv - 0.5); ret.xy = d;",
              expected: ["vec2 d = _hlsl_normalize((uv - 0.5));",
                         "vec2 _hlsl_normalize(vec2 v) { float d = dot(v, v); return d == 0.0 ? v : v * inversesqrt(d); }"]),
        .init(name: "a preset's own normalize wins", globals: "float3 normalize(float3 v) { return v; }", body: "ret = normalize(ret);",
              expected: ["ret = normalize(ret);"]),
        .init(name: "sampler_state block is parsed",
              globals: "sampler2D sampler_pc_clouds = sampler_state { Texture = <clouds>; MinFilter = LINEAR; AddressU = Wrap; };",
              body: "ret = tex2D(sampler_pc_clouds, uv).xyz;", expected: ["uniform sampler2D sampler_pc_clouds;"]),
    ]

    @Test func samplerStateIsReportedBesideMilkDropsModes() throws {
        let text = "sampler2D sampler_pc_clouds = sampler_state { Texture = <clouds>; MinFilter = LINEAR; AddressU = Wrap; };\n"
            + "shader_body { ret = tex2D(sampler_pc_clouds, uv).xyz; }"
        let sampler = try #require(try ShaderTranslator.translate(text, stage: .comp).samplers.first)
        #expect(sampler.declaredState?.entries == ["texture": "<clouds>", "minfilter": "LINEAR", "addressu": "Wrap"])
        #expect(sampler.declaredState?.bilinear == true && sampler.declaredState?.wrap == true)
        // MilkDrop ignores the block: the pc_ prefix means point sampling, clamped.
        #expect(!sampler.bilinear && !sampler.wrap)
    }

    @Test func milkDropModesFollowTheNamePrefix() {
        #expect(ShaderSampler.milkDropModes("sampler_main") == (true, true))
        #expect(ShaderSampler.milkDropModes("sampler_fc_main") == (true, false))
        #expect(ShaderSampler.milkDropModes("sampler_PW_noise_lq") == (false, true))
        #expect(ShaderSampler.milkDropModes("sampler_cp_clouds") == (false, false))
        #expect(ShaderSampler.milkDropModes("sampler_blur1") == (true, false), "blur textures clamp by default")
        #expect(ShaderSampler.milkDropModes("sampler_pw_blur2") == (false, true))
    }

    @Test func unclosedSamplerStateIsASyntaxError() {
        #expect(throws: ShaderTranslationError.self) {
            try ShaderTranslator.translate("sampler2D s = sampler_state { MinFilter = POINT;", stage: .comp)
        }
    }
}
