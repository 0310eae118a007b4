import ShaderTranslation
import Testing

/// `TranslatedShader.texelStep`: which noise lookups are pixel-exact (read without the mip filter).
struct TexelStepTests {
    static func step(_ body: String, stage: ShaderStage = .warp) throws -> Double? {
        let shader = try ShaderTranslator.translate("shader_body {\n\(body)\n}", stage: stage)
        let sampler = try #require(shader.samplers.first { $0.name == "sampler_noise_lq" })
        return shader.texelStep(sampler: sampler.glslName, textureName: "noise_lq")
    }

    @Test func theDitherIdiomThroughAVariableStepsOneTexel() throws {
        let step = try Self.step("""
            float2 dither_uv = uv_orig*texsize.xy*texsize_noise_lq.zw + rand_frame.xy;
            ret = tex2D(sampler_main, uv).xyz + (tex2D(sampler_noise_lq, dither_uv).xyz - 0.5) / 256.0;
            """)
        #expect(step == 1)
    }

    @Test func aLiteralScaleIsTheStep() throws {
        #expect(try Self.step("ret = tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw*0.4 + rand_frame.xy).xyz;") == 0.4)
        #expect(try Self.step("ret = tex2D(sampler_noise_lq, 1.5*uv_orig*texsize.xy*texsize_noise_lq.zw).xyz;") == 1.5)
        // The largest of several lookups.
        #expect(try Self.step("""
            ret = tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw*0.5).xyz
                + tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw*2).xyz;
            """) == 2)
    }

    @Test func anythingElseIsUnknown() throws {
        // The warped uv, a time-varying factor, a local in the offset, a second assignment, a swizzle write.
        #expect(try Self.step("ret = tex2D(sampler_noise_lq, uv*texsize.xy*texsize_noise_lq.zw).xyz;") == nil)
        #expect(try Self.step("ret = tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw*time).xyz;") == nil)
        #expect(try Self.step("""
            float2 o = uv; ret = tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw + o).xyz;
            """) == nil)
        #expect(try Self.step("""
            float2 d = uv_orig*texsize.xy*texsize_noise_lq.zw; d = uv * 3; ret = tex2D(sampler_noise_lq, d).xyz;
            """) == nil)
        #expect(try Self.step("""
            float2 d = uv_orig*texsize.xy*texsize_noise_lq.zw; d.x += 0.5; ret = tex2D(sampler_noise_lq, d).xyz;
            """) == nil)
        // uv_orig itself changed first.
        #expect(try Self.step("""
            uv_orig *= 2; ret = tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw).xyz;
            """) == nil)
        // Any lookup that is not the idiom spoils the others.
        #expect(try Self.step("""
            ret = tex2D(sampler_noise_lq, uv_orig*texsize.xy*texsize_noise_lq.zw).xyz + tex2D(sampler_noise_lq, uv).xyz;
            """) == nil)
    }

    @Test func aCompShadersUvIsThePositionUnlessAssigned() throws {
        #expect(try Self.step("ret = tex2D(sampler_noise_lq, uv*texsize.xy*texsize_noise_lq.zw).xyz;", stage: .comp) == 1)
        #expect(try Self.step("""
            uv += 0.1; ret = tex2D(sampler_noise_lq, uv*texsize.xy*texsize_noise_lq.zw).xyz;
            """, stage: .comp) == nil)
    }
}

extension TexelStepTests {
    @Test func milkDropsOwnLocalsAreNotTheShadersVariables() throws {
        // `uv` holds the warped position before the body: a conditional assignment does not make it the idiom.
        #expect(try Self.step("""
            if (time > 1) uv = uv_orig*texsize.xy*texsize_noise_lq.zw; ret = tex2D(sampler_noise_lq, uv).xyz;
            """) == nil)
    }
}
