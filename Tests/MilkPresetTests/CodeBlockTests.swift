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

    @Test func milkDropSourceDropsCommentsAndJoinsLinesWithNothingBetween() {
        let block = CodeBlock(kind: .perFrame, lines: ["a = 1 // one", "+2;", "b=3; \\\\ old comment", "c=4;//", "/ d=5;"])
        #expect(block.milkDropSource == "a = 1 +2;b=3; c=4;/ d=5;")
        #expect(block.text == "a = 1 // one\n+2;\nb=3; \\\\ old comment\nc=4;//\n/ d=5;")
        #expect(CodeBlock(kind: .perPixel, lines: ["  ", "// only a comment"]).milkDropSource == "")
    }

    @Test func kindNamesMatchMilkDrop() {
        #expect(CodeBlockKind.perFrameInit.name == "per_frame_init")
        #expect(CodeBlockKind.wavePerPoint(0).name == "wave_0_per_point")
        #expect(CodeBlockKind.shapePerFrame(3).name == "shape_3_per_frame")
        #expect(CodeBlockKind.all.count == 23)
    }
}
