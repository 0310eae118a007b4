import Foundation
import ScanFormat
import Testing

struct RunManifestTests {
    func sampleEntry() -> RunManifestEntry {
        var entry = RunManifestEntry(path: "a/b.milk", status: .ok, tier: .dark, avgLuma: 0.05, motion: 0.2, reasons: ["dim"])
        entry.id = "0123456789abcdef"
        entry.coverage = 0.4
        entry.firstFrameSHA1 = String(repeating: "ab", count: 20)
        entry.frames = 3
        entry.timing = ScanTiming(attempts: 1, seconds: 0.5, renderSeconds: 0.25)
        return entry
    }

    @Test func roundTripsThroughItsJSON() throws {
        let manifest = RunManifest(presets: [sampleEntry()], made: ScanProvenance(tool: "aivj scan", version: "1", library: "/lib", libraryPresets: 1,
                                                                                  shard: ScanShard(index: 0, count: 2)),
                                   parameters: ScanParameters(), thresholds: ScanThresholds(),
                                   summary: ScanSummary(presets: 1, ok: 1, failed: 0, strict: 0, dark: 1, frames: 3, reasons: ["dim": 1], gates: []))
        let data = try ScanJSON.pretty(manifest)
        #expect(try ScanJSON.decode(RunManifest.self, from: data) == manifest)
        #expect(data.last == 0x0A)
        #expect(try ScanJSON.pretty(manifest) == data)
    }

    @Test func readsTheProvisionalShape() throws {
        let text = #"{"format":"aivj-run-manifest","formatVersion":0,"presets":[{"path":"x.milk","status":"failed","reasons":["black"]}]}"#
        let manifest = try ScanJSON.decode(RunManifest.self, from: Data(text.utf8))
        #expect(manifest.presets == [RunManifestEntry(path: "x.milk", status: .failed, reasons: ["black"])])
        #expect(manifest.made == nil && manifest.summary == nil)
    }

    @Test func indexLinesRoundTripOneLineEach() throws {
        let line = FramesIndexLine(preset: "a b/c.milk", presetId: "00", frame: 60, capture: 0, file: "frames/ab/x-00060.webp",
                                   avgLuma: 0.5, coverage: 0.25, motion: nil, sha1: "aa")
        let text = try ScanJSON.line(line)
        #expect(!text.contains("\n") && text.contains("\"frames/ab/x-00060.webp\""))
        let back = try ScanJSON.lines(FramesIndexLine.self, from: Data((text + "\n" + text + "\n").utf8))
        #expect(back == [line, line])
    }

    @Test func aBadIndexLineIsNamedByItsNumber() {
        #expect(throws: ScanFormatError.badLine(number: 2, reason: "not valid JSON")) {
            try ScanJSON.lines(FramesIndexLine.self, from: Data("\n{oops\n".utf8))
        }
    }

    @Test func canonicalOrderIsPathBytesThenFrame() {
        func line(_ preset: String, _ frame: Int) -> FramesIndexLine {
            FramesIndexLine(preset: preset, presetId: "", frame: frame, capture: 0, file: "", avgLuma: 0, coverage: 0, motion: nil, sha1: "")
        }
        let sorted = [line("b", 1), line("a", 90), line("B", 5), line("a", 60), line("é", 1)].sorted(by: FramesIndexLine.canonicalOrder)
        #expect(sorted.map { "\($0.preset)\($0.frame)" } == ["B5", "a60", "a90", "b1", "é1"])
    }

    @Test func captureFramesFollowWarmupAndStep() {
        var parameters = ScanParameters()
        #expect(parameters.captureFrames == [60, 90, 120])
        #expect(parameters.framesPerPreset == 121)
        parameters.captureCount = 0
        #expect(parameters.problem?.contains("--capture-count") == true)
    }

    @Test func gatesCompareAsDocumented() {
        #expect(ScanGate(name: "okRate", value: 0.95, comparison: ">=", threshold: 0.95).pass)
        #expect(!ScanGate(name: "topSame", value: 0.2, comparison: "<", threshold: 0.2).pass)
        #expect(!ScanGate(name: "lumaRange", value: 0.3, comparison: ">", threshold: 0.3).pass)
        #expect(!ScanGate(name: "motionRange", value: nil, comparison: ">", threshold: 0.05).pass)
    }

    @Test func failingReasonsAreTheDocumentedOnes() {
        #expect(ScanReason.allCases.filter(\.fails).map(\.rawValue)
            == ["parse-error", "shader-fallback", "black", "static", "timeout", "crash", "render-error"])
    }
}
