import Testing
@testable import MilkPreset

@Suite struct TextureReferenceTests {
    @Test func samplersAreFoundAndBuiltInsLeftOut() {
        let shader = """
        sampler sampler_fw_clouds; sampler2D sampler_state_x = sampler_state { };
        ret = tex2D(sampler_main, uv) + tex2D(sampler_blur1, uv) + tex2D(sampler_noise_hq, uv) + tex2D(sampler_pw_main, uv);
        ret += tex2D(sampler_rand07_smalltiled, uv) + tex2D(sampler_rand02, uv) + tex2D(sampler_clouds, uv) + tex2D(xsampler_no, uv);
        """
        let refs = TextureReference.references(in: shader)
        #expect(refs.map(\.sampler) == ["sampler_clouds", "sampler_fw_clouds", "sampler_rand02", "sampler_rand07_smalltiled", "sampler_state_x"])
        #expect(refs.map(\.name) == ["clouds", "clouds", "", "smalltiled", "state_x"])
        #expect(refs.map(\.randomSlot) == [nil, nil, 2, 7, nil])
    }

    @Test func filesMatchByMilkDropsExtensionOrderIgnoringCase() {
        let files = ["Clouds.PNG", "clouds.jpg", "smalltiled_a.tga", "notes.txt"]
        #expect(TextureReference(sampler: "sampler_clouds")?.match(in: files) == "clouds.jpg")
        #expect(TextureReference(sampler: "sampler_rand01_smalltiled")?.match(in: files) == "smalltiled_a.tga")
        #expect(TextureReference(sampler: "sampler_notes")?.match(in: files) == nil)
    }
}
