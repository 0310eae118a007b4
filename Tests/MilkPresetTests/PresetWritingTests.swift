import Foundation
import Testing
@testable import MilkPreset

@Suite struct PresetWritingTests {
    static let readable = [
        "lf.milk", "crlf.milk", "cr.milk", "bom.milk", "utf16.milk", "no-section.milk", "nul-bytes.milk",
        "windows-1252.milk", "numbering.milk", "repeated-and-case.milk", "numbers.milk", "delimiters.milk",
        "missing-wave-values.milk", "legacy-motion-vectors.milk", "shaders.milk", "unknown-keys.milk",
        "waves-shapes.milk", "code-blocks.milk", "repeated-unwritten-keys.milk", "next-line-rule.milk",
    ]

    @Test(arguments: readable)
    func writingAndReadingBackGivesTheSamePreset(file: String) throws {
        let preset = try Fixtures.preset(file)
        #expect(PresetCheck.roundTripProblem(preset) == nil)
        #expect(try Preset(data: preset.milkData(), name: preset.name) == preset)
    }

    @Test func shaderLinesAreWrittenWithABacktickAndCodeLinesOnlyWhenNeeded() throws {
        let text = try Fixtures.preset("shaders.milk").milkText()
        #expect(text.contains("\nwarp_1=`shader_body\n"))
        #expect(text.contains("\nper_frame_1=q1=1;\n"))
        #expect(text.contains("\nper_frame_2=``odd\n"))
    }

    @Test func theLayoutFollowsMilkDropsReadOrder() throws {
        let lines = try Fixtures.preset("shaders.milk").milkText().split(separator: "\n")
        #expect(Array(lines.prefix(6)) == ["MILKDROP_PRESET_VERSION=201", "PSVERSION=3", "PSVERSION_WARP=2", "PSVERSION_COMP=3", "[preset00]", "fRating=3"])
        let keys = lines.map { $0.split(separator: "=").first.map(String.init) ?? "" }
        let order = ["fDecay", "nWaveMode", "mv_a", "wavecode_0_enabled", "shapecode_3_border_a", "zoom", "ib_a", "per_frame_1", "warp_1", "comp_1"]
        let positions = order.compactMap { keys.firstIndex(of: $0) }
        #expect(positions.count == order.count && positions == positions.sorted())
    }

    @Test func extraEntriesAreWrittenLastInTheirOrder() throws {
        let lines = try Fixtures.preset("unknown-keys.milk").milkText().split(separator: "\n")
        #expect(Array(lines.suffix(3)) == ["my_custom_key=hello world", "another=1", "wavecode_7_enabled=1"])
    }

    /// Regression (found by fuzzing): a repeated key the writer left out (an unreadable header value, the legacy
    /// motion-vector switch) was read from its repeat after a round trip.
    @Test func repeatsOfKeysTheWriterLeavesOutStayShadowed() throws {
        let preset = try Fixtures.preset("repeated-unwritten-keys.milk")
        #expect(preset.header.psVersion == nil && preset.base.mvA == 1)
        let again = try Preset(text: preset.milkText(), name: preset.name)
        #expect(again == preset)
    }

    @Test func aDefaultPresetWritesAndReadsBack() throws {
        let preset = Preset(name: "blank")
        #expect(try Preset(text: preset.milkText(), name: "blank") == preset)
    }

    @Test func editedCodeIsWrittenBack() throws {
        var preset = try Fixtures.preset("lf.milk")
        preset.setCode(.wavePerPoint(3), ["x=0.5;", ""])
        preset.base.decay = 0.5
        let again = try Preset(text: preset.milkText(), name: preset.name)
        #expect(again.code(.wavePerPoint(3)) == ["x=0.5;", ""])
        #expect(again.base.decay == 0.5)
    }
}
