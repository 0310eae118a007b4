import ShaderTranslation
import Testing

/// `TranslatedShader.readsAtPixelCentres`: which frame lookups can be read nearest.
struct PixelCentresTests {
    static func centred(_ body: String, stage: ShaderStage = .comp) throws -> Bool {
        let shader = try ShaderTranslator.translate("shader_body {\n\(body)\n}", stage: stage)
        let sampler = try #require(shader.samplers.first { $0.name == "sampler_main" })
        return shader.readsAtPixelCentres(sampler: sampler.glslName)
    }

    @Test func theCompsUvAndWholePixelOffsetsAreCentres() throws {
        #expect(try Self.centred("ret = tex2D(sampler_main, uv).xyz;"))
        #expect(try Self.centred("ret = tex2D(sampler_main, uv_orig).xyz;", stage: .warp))
        #expect(try Self.centred("ret = tex2D(sampler_main, uv - texsize.zw*2).xyz;"))
        // Bas Relief's edge filter: one variable, four whole-pixel offsets.
        #expect(try Self.centred("""
            float2 uv2;
            uv2 = uv + float2(1,0)*texsize.zw; float a = tex2D(sampler_main, uv2).x;
            uv2 = uv + float2(-1,0)*texsize.zw; float b = tex2D(sampler_main, uv2).x;
            uv2 = uv + float2(0,1)*texsize.zw; float c = tex2D(sampler_main, uv2).x;
            ret = float3(a - b, c, 0);
            """))
    }

    @Test func anythingBetweenCentresIsNot() throws {
        #expect(try !Self.centred("ret = tex2D(sampler_main, uv).xyz;", stage: .warp), "the warp's uv is warped")
        #expect(try !Self.centred("ret = tex2D(sampler_main, uv + 0.5*texsize.zw).xyz;"))
        #expect(try !Self.centred("ret = tex2D(sampler_main, uv * 2).xyz;"))
        #expect(try !Self.centred("ret = tex2D(sampler_main, uv + float2(0.01, 0)).xyz;"))
        #expect(try !Self.centred("uv *= 0.5; ret = tex2D(sampler_main, uv).xyz;"))
        #expect(try !Self.centred("ret = tex2D(sampler_main, -uv).xyz;"))
        // One lookup off the centres spoils the sampler's others.
        #expect(try !Self.centred("ret = tex2D(sampler_main, uv).xyz + tex2D(sampler_main, uv * 0.9).xyz;"))
    }
}
