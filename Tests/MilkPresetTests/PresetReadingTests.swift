import Foundation
import Testing
@testable import MilkPreset

@Suite struct PresetReadingTests {
    /// The content every line-end / BOM / encoding variant of the small preset must read as.
    static func expectSmallPreset(_ preset: Preset) {
        #expect(preset.base.decay == 0.9)
        #expect(preset.base.zoom == 1.01)
        #expect(preset.perFrameCode == ["wave_r=0.5;", "zoom=zoom*1.01;"])
        #expect(preset.extraEntries.isEmpty)
    }

    @Test(arguments: ["lf.milk", "crlf.milk", "cr.milk", "bom.milk", "no-section.milk", "utf16.milk"])
    func lineEndsByteOrderMarksAndMissingSectionReadTheSame(file: String) throws {
        let preset = try Fixtures.preset(file)
        Self.expectSmallPreset(preset)
        #expect(preset.name == String(file.dropLast(5)))
        #expect(preset == (try Fixtures.preset("lf.milk")).renamed(preset.name))
    }

    @Test func readingNotesRecordHowTheFileWasWritten() throws {
        #expect(try Fixtures.preset("bom.milk").notes.hadByteOrderMark)
        #expect(try Fixtures.preset("lf.milk").notes.hadSectionHeader)
        #expect(try !Fixtures.preset("no-section.milk").notes.hadSectionHeader)
        #expect(try Fixtures.preset("utf16.milk").notes.encoding == .utf16)
    }

    @Test func nulBytesEndTheValueTheyAreIn() throws {
        let preset = try Fixtures.preset("nul-bytes.milk")
        Self.expectSmallPreset(preset)
        #expect(preset.notes.nulBytes == 5)
    }

    @Test func windows1252TextIsDecodedWithoutLoss() throws {
        let preset = try Fixtures.preset("windows-1252.milk")
        #expect(preset.notes.encoding == .windows1252)
        #expect(preset.perFrameCode == ["x=1; // caf\u{E9} \u{20AC} \u{81}", "y=2; // \u{201C}quoted\u{201D}"])
        // Written back in the same code page, the bytes of the code lines are the original bytes.
        let original = try Data(contentsOf: Fixtures.url("windows-1252.milk"))
        let written = preset.milkData()
        #expect(written.range(of: Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x20, 0x81])) != nil)
        #expect(original.range(of: Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x20, 0x81])) != nil)
        #expect(try Preset(data: written, name: preset.name) == preset)
    }

    @Test func codeIsReadInNumberOrderUpToTheFirstMissingNumber() throws {
        let preset = try Fixtures.preset("numbering.milk")
        #expect(preset.perFrameCode == ["a=1;", "b=2;", "c=3;"])
        #expect(preset.perPixelCode.isEmpty)
        #expect(preset.extraEntries.map(\.key) == ["per_frame_5", "per_pixel_2"])
    }

    @Test func keysIgnoreCaseAndTheFirstOccurrenceWins() throws {
        let preset = try Fixtures.preset("repeated-and-case.milk")
        #expect(preset.base.zoom == 2)
        #expect(preset.base.decay == 0.5)
        #expect(preset.waves[0].enabled)
        #expect(preset.perFrameCode == ["a=1;"])
        #expect(preset.notes.repeatedKeys == 3)
        #expect(preset.extraEntries == [
            PresetEntry(key: "zoom", value: "3"), PresetEntry(key: "fDecay", value: "0.7"),
            PresetEntry(key: "per_frame_1", value: "b=1;"),
        ])
    }

    /// MilkDrop's lookup tries the line after the last one read before searching from the top, so a repeat right
    /// after the previous key wins (BrainStain presets in the Debian set rely on it).
    @Test func aRepeatRightAfterThePreviouslyReadKeyWins() throws {
        let preset = try Fixtures.preset("next-line-rule.milk")
        #expect(preset.perFrameCode == ["a=1;", "b=2;", "c=3;"])
        #expect(preset.base.rot == 5)                     // first occurrence: the line before is not "zoom"
        #expect(preset.extraEntries == [PresetEntry(key: "per_frame_2", value: ""), PresetEntry(key: "rot", value: "7")])
    }

    @Test func numbersAreReadLikeSscanf() throws {
        let base = try Fixtures.preset("numbers.milk").base
        #expect(base.zoom == 0.5)
        #expect(base.rot == 5)
        #expect(base.warp == 0.001)
        #expect(base.cx == 0.25)
        #expect(base.cy == 0.75)
        #expect(base.dx == 0)            // "abc": the default stays
        #expect(base.dy == -0.125)
        #expect(base.sx == -5)
        #expect(base.waveMode == 3)      // %d stops at the "."
        #expect(base.videoEchoOrientation == 2)
        #expect(base.brighten)           // any non-zero integer is true
        #expect(!base.darken)            // ".5" is no integer: the default (false) stays
        #expect(base.waveR == .infinity)
        #expect(base.waveG == .infinity)
        #expect(base.waveB == 0)         // "nan" is refused, so MilkDrop's fallback for wave_b (0) applies
        #expect(base.gammaAdj == 2)      // empty value: default
        #expect(base.shader == 0)        // "0x10" reads as 0, like MSVC's %f of the time
    }

    @Test func theKeyEndsAtTheFirstSpaceOrEqualsSign() throws {
        let preset = try Fixtures.preset("delimiters.milk")
        #expect(preset.base.zoom == 1.5)   // "zoom 1.5"
        #expect(preset.base.rot == 0)      // "rot = 0.3": the value is "= 0.3", no number
        #expect(preset.base.decay == 0.5)
        #expect(preset.base.sx == 1)       // " sx=2": a line starting with a space has no key
        #expect(preset.notes.ignoredLines == 2)
        #expect(preset.extraEntries == [PresetEntry(key: "just", value: "some words"), PresetEntry(key: "//", value: "a comment line")])
    }

    @Test func missingWaveColourAndPositionGetMilkDropsZeroNotTheDefault() throws {
        let base = try Fixtures.preset("missing-wave-values.milk").base
        #expect([base.waveR, base.waveG, base.waveB, base.waveX, base.waveY] == [0, 0, 0, 0, 0])
        #expect(base.mvA == 0)   // neither mv_a nor bMotionVectorsOn: motion vectors off
        #expect(BaseValues().waveR == 1)
    }

    @Test func legacyMotionVectorsKeySetsMvA() throws {
        #expect(try Fixtures.preset("legacy-motion-vectors.milk").base.mvA == 1)
    }

    @Test func shadersAndBackticksAreReadAsMilkDropDoes() throws {
        let preset = try Fixtures.preset("shaders.milk")
        #expect(preset.header == PresetHeader(milkdropPresetVersion: 201, psVersion: 3, psVersionWarp: 2, psVersionComp: 3))
        #expect(preset.header.warpShaderModel == 2)
        #expect(preset.header.compShaderModel == 3)
        #expect(preset.warpShader.first == "shader_body")
        #expect(preset.warpShader.count == 4)
        #expect(preset.compShader.count == 2)
        #expect(preset.perFrameCode == ["q1=1;", "`odd"])
        #expect(preset.textureReferences.map(\.sampler) == ["sampler_fw_clouds", "sampler_missing_tex", "sampler_rand03_smalltiled"])
    }

    @Test func wavesAndShapesAreRead() throws {
        let preset = try Fixtures.preset("waves-shapes.milk")
        let wave = preset.waves[1]
        #expect(wave.enabled && wave.spectrum && wave.samples == 100 && wave.scaling == 2.5)
        #expect(wave.initCode == ["t1=1;"] && wave.perFrameCode == ["t2=2;"] && wave.perPointCode == ["x=sample;", "y=value1;"])
        let shape = preset.shapes[2]
        #expect(shape.enabled && shape.sides == 6 && shape.instances == 8 && shape.textured)
        #expect(shape.texZoom == 0.5 && shape.borderA == 0.75 && shape.r == 1 && shape.g2 == 1)
        #expect(shape.initCode == ["t1=instance;"] && shape.perFrameCode == ["ang=time;"])
        #expect(preset.waves[0] == CustomWave() && preset.shapes[0] == CustomShape())
    }

    @Test func unknownKeysAreKeptInOrder() throws {
        let preset = try Fixtures.preset("unknown-keys.milk")
        #expect(preset.extraEntries == [
            PresetEntry(key: "my_custom_key", value: "hello world"), PresetEntry(key: "another", value: "1"),
            PresetEntry(key: "wavecode_7_enabled", value: "1"),
        ])
    }

    @Test(arguments: [
        ("empty.milk", "file is empty"), ("blank.milk", "file is empty"),
        ("binary.milk", "binary data"), ("not-a-preset.milk", "no MilkDrop preset keys"),
    ])
    func nonPresetsGiveOneClearErrorNamingTheFile(file: String, message: String) {
        do {
            _ = try Fixtures.preset(file)
            Issue.record("\(file) read as a preset")
        } catch {
            let text = "\(error)"
            #expect(text.contains(file) && text.contains(message), "\(text)")
        }
    }

    @Test func filesOverTheSizeLimitAreRefusedWithoutReadingThemWhole() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-huge-\(UUID().uuidString).milk")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(Preset.maximumFileSize + 1))
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: MilkPresetError.tooLarge(file: url.path, bytes: Preset.maximumFileSize + 1, limit: Preset.maximumFileSize)) {
            try Preset(contentsOf: url)
        }
    }

    @Test func aMissingFileIsAnErrorNamingIt() {
        let url = Fixtures.url("does-not-exist.milk")
        do {
            _ = try Preset(contentsOf: url)
            Issue.record("read a missing file")
        } catch {
            #expect("\(error)".hasPrefix(url.path))
        }
    }
}

extension Preset {
    /// The same preset under another name.
    func renamed(_ name: String) -> Preset {
        var copy = self
        copy.name = name
        return copy
    }
}
