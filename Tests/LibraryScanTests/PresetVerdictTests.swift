import LibraryScan
import ScanFormat
import Testing

struct PresetVerdictTests {
    let thresholds = ScanThresholds()

    func outcome(lumas: [Double], coverage: Double = 0.5, motions: [Double?]) -> PresetOutcome {
        let lines = zip(lumas, motions).enumerated().map { index, pair in
            FramesIndexLine(preset: "p.milk", presetId: "id", frame: 60 + 30 * index, capture: index, file: "f\(index)",
                            avgLuma: pair.0, coverage: coverage, motion: pair.1, sha1: "sha\(index)")
        }
        return PresetOutcome(path: "p.milk", id: "id", lines: lines)
    }

    @Test func brightMovingAndFullIsStrict() {
        let entry = PresetVerdict.entry(outcome(lumas: [0.3, 0.4, 0.5], motions: [nil, 0.1, 0.2]), thresholds: thresholds, attempts: 1)
        #expect(entry.status == .ok && entry.tier == .strict && entry.reasons == nil)
        #expect(entry.avgLuma == 0.4 && entry.motion == 0.15 && entry.firstFrameSHA1 == "sha0" && entry.frames == 3)
    }

    @Test func dimOrSparseOrSlowIsDark() {
        let dim = PresetVerdict.entry(outcome(lumas: [0.05, 0.05], motions: [nil, 0.1]), thresholds: thresholds, attempts: 1)
        #expect(dim.status == .ok && dim.tier == .dark && dim.reasons == ["dim"])
        let sparseSlow = PresetVerdict.entry(outcome(lumas: [0.3, 0.3], coverage: 0.1, motions: [nil, 0.005]), thresholds: thresholds, attempts: 1)
        #expect(sparseSlow.tier == .dark && sparseSlow.reasons == ["sparse", "slow"])
    }

    @Test func blackAndStaticFail() {
        let entry = PresetVerdict.entry(outcome(lumas: [0.005, 0.0], coverage: 0, motions: [nil, 0.0]), thresholds: thresholds, attempts: 1)
        #expect(entry.status == .failed && entry.tier == nil && entry.reasons == ["black", "static"])
    }

    @Test func oneBrightCaptureIsNotBlack() {
        let entry = PresetVerdict.entry(outcome(lumas: [0.0, 0.3], motions: [nil, 0.3]), thresholds: thresholds, attempts: 1)
        #expect(entry.reasons?.contains("black") != true)
    }

    @Test func shaderFallbackFails() {
        var fallback = outcome(lumas: [0.3, 0.3], motions: [nil, 0.1])
        fallback.shaderFallback = true
        #expect(PresetVerdict.entry(fallback, thresholds: thresholds, attempts: 1).reasons == ["shader-fallback"])
        #expect(ScanWorker.isShaderFallback("warp shader: cannot translate, using the fallback"))
        #expect(ScanWorker.isShaderFallback("x: comp shader did not compile, MilkDrop's default used: 0:12 error"))
        #expect(!ScanWorker.isShaderFallback("per_frame line 3 dropped"))
    }

    @Test func failuresKeepTheirReasonAndAttempts() {
        let entry = PresetVerdict.entry(PresetOutcome(path: "p.milk", failure: .timeout, detail: "p.milk: no result"), thresholds: thresholds, attempts: 3)
        #expect(entry.status == .failed && entry.reasons == ["timeout"] && entry.timing?.attempts == 3 && entry.frames == 0)
    }

    @Test func gatesOverEntries() {
        var a = RunManifestEntry(path: "a", status: .ok, tier: .strict, avgLuma: 0.1, motion: 0.01)
        a.firstFrameSHA1 = "x"
        var b = RunManifestEntry(path: "b", status: .ok, tier: .dark, avgLuma: 0.5, motion: 0.2)
        b.firstFrameSHA1 = "x"
        let c = RunManifestEntry(path: "c", status: .failed, reasons: ["crash"])
        let summary = ScanSummary.make(entries: [a, b, c], frames: 6, thresholds: thresholds)
        #expect(summary.ok == 2 && summary.failed == 1 && summary.strict == 1 && summary.dark == 1 && summary.reasons == ["crash": 1])
        let values = Dictionary(uniqueKeysWithValues: summary.gates.map { ($0.name, $0.value) })
        #expect(values["okRate"] == 0.666667 && values["topSame"] == 0.666667)
        #expect(values["lumaRange"] == 0.4 && values["motionRange"] == 0.19)
        #expect(summary.gates.map(\.pass) == [false, false, true, true] && !summary.gatesPassed)
        #expect(summary.text.contains("gate okRate: 0.6667 >= 0.95 FAIL"))
    }
}
