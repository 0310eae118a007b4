@testable import ShaderTranslation

/// One HLSL construct: a shader text and text its GLSL must contain.
struct ConstructCase: Sendable, CustomStringConvertible {
    var name: String
    /// Globals, helpers and directives before `shader_body`.
    var globals: String = ""
    var body: String
    var stage: ShaderStage = .comp
    /// Substrings of the whole fragment shader.
    var expected: [String]

    var description: String { name }
    var text: String { globals + "\nshader_body\n{\n" + body + "\n}\n" }
}

extension ConstructCase {
    static let all: [ConstructCase] = [
        .init(name: "scalar widens to vector", body: "float3 c = 1; ret = c;", expected: ["vec3 c = vec3(1.0);"]),
        .init(name: "vector truncates", body: "float2 a = ret; ret.xy = a;", expected: ["vec2 a = ret.xy;"]),
        .init(name: "int mixes with float", body: "int i = 2; float f = i / 4.0; ret = f;", expected: ["float f = (float(i) / 4.0);"]),
        .init(name: "float converts to int", body: "int k = 2.7; ret = k;", expected: ["int k = int(2.7);", "ret = vec3(float(k));"]),
        .init(name: "int division stays integer", body: "float h = 1/2; ret = h;", expected: ["float h = float((1 / 2));"]),
        .init(name: "float literal forms", body: "ret = float3(1.5f, .5, 1.);", expected: ["vec3(1.5, 0.5, 1.0)"]),
        .init(name: "tex2D becomes texture", body: "ret = tex2D(sampler_main, uv).xyz;", expected: ["ret = texture(sampler_main, uv).xyz;"]),
        .init(name: "tex2D truncates its coordinates", body: "ret = tex2D(sampler_main, float3(uv, 0)).xyz;",
              expected: ["texture(sampler_main, vec3(uv, 0.0).xy)"]),
        .init(name: "tex3D samples a volume", body: "ret = tex3D(sampler_noisevol_lq, float3(uv, time)).xyz;",
              expected: ["uniform sampler3D sampler_noisevol_lq;", "texture(sampler_noisevol_lq, vec3(uv, time))"]),
        .init(name: "tex2Dlod", body: "ret = tex2Dlod(sampler_main, float4(uv, 0, 2)).xyz;", expected: ["textureLod(sampler_main, "]),
        .init(name: "lerp becomes mix", body: "ret = lerp(ret, float3(1,0,0), 0.5);", expected: ["mix(ret, vec3(1.0, 0.0, 0.0), vec3(0.5))"]),
        .init(name: "saturate becomes clamp", body: "ret = saturate(ret * 2);", expected: ["clamp((ret * 2.0), 0.0, 1.0)"]),
        .init(name: "frac becomes fract", body: "ret = frac(ret);", expected: ["fract(ret)"]),
        .init(name: "fmod keeps HLSL's sign", body: "ret = fmod(ret, 0.3);",
              expected: ["_hlsl_fmod(ret, vec3(0.3))", "vec3 _hlsl_fmod(vec3 x, vec3 y) { return x - y * trunc(x / y); }"]),
        .init(name: "float % is fmod", body: "float m = time % 2; ret = m;", expected: ["float m = _hlsl_fmod(time, 2.0);"]),
        .init(name: "atan2 becomes atan", body: "ret = atan2(uv.y, uv.x);", expected: ["atan(uv.y, uv.x)"]),
        .init(name: "rsqrt becomes inversesqrt", body: "ret = rsqrt(rad + 1);", expected: ["inversesqrt(abs((rad + 1.0)))"]),
        .init(name: "sqrt, log and pow read |x| as Direct3D 9 does", body: "ret = sqrt(uv.x) + log(uv.y) + pow(rad - 1, 1.5);",
              expected: ["sqrt(abs(uv.x))", "log(abs(uv.y))", "pow(abs((rad - 1.0)), 1.5)"]),
        .init(name: "log10", body: "ret = log10(rad + 1);", expected: ["(log2(abs((rad + 1.0))) * 0.30102999566)"]),
        .init(name: "mul with a row vector", body: "float3 p = mul(float4(uv, 0, 1), rot_s1); ret = p;",
              expected: ["uniform mat4x3 rot_s1;", "vec3 p = (rot_s1 * vec4(uv, 0.0, 1.0));"]),
        .init(name: "mul of a matrix and a column vector", body: "float2x2 m = float2x2(1,2,3,4); uv = mul(m, uv); ret.xy = uv;",
              expected: ["mat2 m = mat2(1.0, 2.0, 3.0, 4.0);", "uv = (uv * m);"]),
        .init(name: "mul truncates a matrix to the vector", body: "float3 p = mul(ret, rot_s1); ret = p;",
              expected: ["(mat3(rot_s1) * ret)"]),
        .init(name: "floatRxC is transposed", body: "float2x3 m = 0; ret = mul(uv, m);", expected: ["mat2x3 m = mat2x3(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);"]),
        .init(name: "rgba swizzle", body: "ret = tex2D(sampler_main, uv).rgb;", expected: [".rgb;"]),
        .init(name: "swizzles on scalars", body: "float t = time.x; ret = time.xxx * t;", expected: ["float t = time;", "(vec3(time) * t)"]),
        .init(name: "static const global", globals: "static const float k = 0.5;", body: "ret = k;", expected: ["const float k = 0.5;"]),
        .init(name: "global set from uniforms", globals: "float t2 = time * 2;", body: "ret = t2;",
              expected: ["float t2 = float(0);", "t2 = (time * 2.0);"]),
        .init(name: "array initializer", body: "float a[3] = {1, 2, 3}; ret = a[1];", expected: ["float a[3] = float[3](1.0, 2.0, 3.0);"]),
        .init(name: "warp keeps the vertex alpha", body: "ret = 1;", stage: .warp, expected: ["fragColor = vec4(ret, v_color.w);"]),
        .init(name: "comp writes opaque", body: "ret = 1;", expected: ["fragColor = vec4(ret, 1.0);"]),
        .init(name: "function with out parameter", globals: "void f(out float x) { x = 1; }", body: "float y; f(y); ret = y;",
              expected: ["void f(inout float x)", "f(y);"]),
        .init(name: "helper returning a converted value", globals: "float3 g(float2 p) { return p.x; }", body: "ret = g(uv);",
              expected: ["return vec3(p.x);"]),
        .init(name: "object-like macro", globals: "#define SCALE 2", body: "ret = SCALE * rad;", expected: ["(2.0 * rad)"]),
        .init(name: "function-like macro", globals: "#define SQ(x) ((x)*(x))", body: "ret = SQ(rad);", expected: ["(rad * rad)"]),
        .init(name: "conditional compilation", globals: "#define FANCY 1", body: "#if FANCY\nret = 1;\n#else\nret = 2;\n#endif",
              expected: ["ret = vec3(1.0);"]),
        .init(name: "GetBlur1 scales by blur1_min/max", body: "ret = GetBlur1(uv);",
              expected: ["texture(sampler_blur1, uv).xyz * (blur1_max - blur1_min)) + blur1_min"]),
        .init(name: "lum", body: "ret = lum(GetPixel(uv));", expected: ["dot(texture(sampler_main, uv).xyz, vec3(0.32, 0.49, 0.29))"]),
        .init(name: "q variables are _qa.._qh", body: "ret = q1 + q32;", expected: ["uniform vec4 _qa;", "(_qa.x + _qh.w)"]),
        .init(name: "a written uniform gets a copy", body: "q1 = 2; ret = q1;",
              expected: ["uniform vec4 _qa_in;", "vec4 _qa;", "_qa = _qa_in;", "_qa.x = 2.0;"]),
        .init(name: "vector comparison", body: "float3 m = (ret > 0.5); ret = m;", expected: ["vec3 m = vec3(greaterThan(ret, vec3(0.5)));"]),
        .init(name: "conditional operator", body: "ret = rad > 0.5 ? 1 : ret;", expected: ["((rad > 0.5) ? vec3(1.0) : ret)"]),
        .init(name: "sampler named like a GLSL word", globals: "sampler main;", body: "ret = tex2D(main, uv).xyz;",
              expected: ["uniform sampler2D h_main;", "texture(h_main, uv)"]),
        .init(name: "user texture sampler", globals: "sampler sampler_rand00;", body: "ret = tex2D(sampler_rand00, uv).xyz * texsize_rand00.x;",
              expected: ["uniform sampler2D sampler_rand00;", "uniform vec4 texsize_rand00;"]),
        .init(name: "local named like a GLSL word", body: "float texture = 1; ret = texture;", expected: ["float h_texture = 1.0;"]),
        .init(name: "cast widens a scalar", body: "ret = (float3)0.5;", expected: ["ret = vec3(0.5);"]),
        .init(name: "for loop", body: "float s = 0; for (int i = 0; i < 4; i++) { s += i; } ret = s;",
              expected: ["for (int i = 0; i < 4; i++)", "s += float(i);"]),
        .init(name: "sincos", body: "float s, c; sincos(ang, s, c); ret = float3(s, c, 0);", expected: ["s = sin(ang), c = cos(ang);"]),
        .init(name: "compound assignment truncates", body: "float x = 0; x += ret; ret = x;", expected: ["x = (x + ret).x;"]),
        .init(name: "if on a float", body: "if (rad) ret = 1;", expected: ["if (bool(rad))"]),
        .init(name: "hue_shader and uv_orig", body: "ret = hue_shader * uv_orig.x;", expected: ["(hue_shader * uv_orig.x)"]),
        .init(name: "matrix times matrix is per component", body: "float2x2 a = 1; float2x2 b = a * a; ret.xy = mul(uv, b);",
              expected: ["matrixCompMult(a, a)"]),
        .init(name: "half types are float", body: "half3 h = ret; ret = h;", expected: ["vec3 h = ret;"]),
        .init(name: "modf", body: "float ip; float fp = modf(rad * 3, ip); ret = fp + ip;", expected: ["modf((rad * 3.0), ip)"]),
        .init(name: "clip discards", body: "clip(rad - 0.5); ret = 1;", expected: ["_hlsl_clip((rad - 0.5));", "discard;"]),
    ]
}
