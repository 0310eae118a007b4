import Testing
@testable import MilkPreset

@Suite struct CodeBlockTests {
    @Test func blocksAreListedInMilkDropOrderWithTheirLines() throws {
        let preset = try Fixtures.preset("code-blocks.milk")
        #expect(preset.codeBlocks.map(\.kind) == [.perFrameInit, .perFrame, .perPixel, .waveInit(0), .wavePerPoint(0), .shapePerFrame(2)])
        #expect(preset.code(.perFrame) == ["zoom=1.01;", "rot=0.1;"])
        #expect(preset.code(.perPixel) == ["dx=0;"])
        #expect(preset.code(.wavePerPoint(0)) == ["x=sample;"])
        #expect(preset.base.decay == 0.9)
    }

    @Test func numberingStopsAtTheFirstGapAndLaterLinesAreKeptAsExtras() throws {
        let preset = try Fixtures.preset("code-blocks.milk")
        #expect(preset.code(.perFrame).count == 2)
        #expect(preset.extraEntries == [PresetEntry(key: "per_frame_4", value: "ignored=1;")])
    }

    @Test func kindNamesMatchMilkDrop() {
        #expect(CodeBlockKind.perFrameInit.name == "per_frame_init")
        #expect(CodeBlockKind.wavePerPoint(0).name == "wave_0_per_point")
        #expect(CodeBlockKind.shapePerFrame(3).name == "shape_3_per_frame")
        #expect(CodeBlockKind.all.count == 23)
    }
}
