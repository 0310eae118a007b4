/// What MilkDrop 2 declares around a preset's warp or comp shader: uniforms, samplers, macros and `main`'s locals.
enum ShaderEnvironment {
    /// The uniforms MilkDrop sets each frame, with their HLSL types.
    static let uniforms: [String: ShaderType] = {
        var u: [String: ShaderType] = [:]
        for name in ["time", "fps", "frame", "progress", "bass", "mid", "treb", "vol", "bass_att", "mid_att", "treb_att",
                     "vol_att", "blur1_min", "blur1_max", "blur2_min", "blur2_max", "blur3_min", "blur3_max",
                     "mip_x", "mip_y", "mip_avg"] {
            u[name] = .float
        }
        u["mip_xy"] = .vector(.float, 2)
        for name in ["aspect", "texsize", "roam_cos", "roam_sin", "slow_roam_cos", "slow_roam_sin", "rand_frame", "rand_preset"] {
            u[name] = .vector(.float, 4)
        }
        for letter in "abcdefgh" { u["_q\(letter)"] = .vector(.float, 4) }
        for group in ["s", "d", "f", "vf", "uf", "rand"] {
            for i in 1...4 { u["rot_\(group)\(i)"] = .matrix(rows: 4, columns: 3) }
        }
        return u
    }()

    /// The locals MilkDrop's wrapper declares before the shader body runs.
    static let mainLocals: [(String, ShaderType)] = [
        ("ret", .vector(.float, 3)), ("uv", .vector(.float, 2)), ("uv_orig", .vector(.float, 2)),
        ("rad", .float), ("ang", .float), ("hue_shader", .vector(.float, 3)),
    ]

    /// The textures every shader may sample without declaring them.
    static let builtInTextures = ["main", "blur1", "blur2", "blur3", "noise_lq", "noise_lq_lite", "noise_mq", "noise_hq",
                                  "noisevol_lq", "noisevol_hq"]

    /// The sampler type MilkDrop gives a sampler named `name` (`sampler_noisevol_*` are volumes).
    static func samplerType(_ name: String) -> ShaderType {
        name.contains("noisevol") ? .sampler3D : .sampler2D
    }

    /// Whether `name` is a built-in sampler: a built-in texture, optionally with a fw/fc/pw/pc filter-and-wrap prefix.
    static func isBuiltInSampler(_ name: String) -> Bool {
        guard name.hasPrefix("sampler_") else { return false }
        var texture = String(name.dropFirst("sampler_".count))
        for prefix in ["fw_", "fc_", "pw_", "pc_"] where texture.lowercased().hasPrefix(prefix) {
            texture = String(texture.dropFirst(3))
        }
        return builtInTextures.contains(texture)
    }

    /// MilkDrop's shader-include macros, written as `#define` bodies.
    static let macros: [String] = {
        var m = [
            "M_PI 3.14159265359", "M_PI_2 6.28318530718", "M_INV_PI_2 0.159154943091895",
            "GetMain(uv) (tex2D(sampler_main,uv).xyz)", "GetPixel(uv) (tex2D(sampler_main,uv).xyz)",
            "GetBlur1(uv) (tex2D(sampler_blur1,uv).xyz*(blur1_max-blur1_min) + blur1_min)",
            "GetBlur2(uv) (tex2D(sampler_blur2,uv).xyz*(blur2_max-blur2_min) + blur2_min)",
            "GetBlur3(uv) (tex2D(sampler_blur3,uv).xyz*(blur3_max-blur3_min) + blur3_min)",
            "lum(x) (dot(x,float3(0.32,0.49,0.29)))", "tex2d tex2D", "tex3d tex3D",
            "sampler_FC_main sampler_fc_main", "sampler_PC_main sampler_pc_main",
            "sampler_FW_main sampler_fw_main", "sampler_PW_main sampler_pw_main",
        ]
        for i in 0..<32 {
            let letter = Array("abcdefgh")[i / 4]
            m.append("q\(i + 1) _q\(letter).\(Array("xyzw")[i % 4])")
        }
        return m
    }()
}
