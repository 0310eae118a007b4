import Foundation
import Testing
@testable import Selection

@Suite struct PairScorerTests {
    @Test func partsFollowTheDocumentedFormula() throws {
        // The worked example of docs/picker.md ("Scoring").
        let fg = PresetMeasure(failed: false, tier: "strict", avgLuma: 0.12, motion: 0.02)
        let bg = PresetMeasure(failed: false, tier: "dark", avgLuma: 0.35, motion: 0.09)
        let p = try #require(PairScorer.parts(fg: fg, bg: bg, fgMotionRank: 0.3, bgMotionRank: 0.8))
        #expect(abs(p.balance - 0.825) < 1e-12)
        #expect(abs(p.motion - 0.6) < 1e-12)
        #expect(abs(p.sparsity - 0.76) < 1e-12)
        #expect(abs(p.tier - 0.6) < 1e-12)
        #expect(p.quality01 == 0.4428)
    }

    @Test func coverageMeasuresSparsityWhenTheScanHasIt() throws {
        let fg = PresetMeasure(failed: false, tier: "strict", avgLuma: 0.12, motion: 0.02, coverage: 0.05)
        let bg = PresetMeasure(failed: false, tier: "strict", avgLuma: 0.35, motion: 0.09, coverage: 0.9)
        let p = try #require(PairScorer.parts(fg: fg, bg: bg, fgMotionRank: 0.3, bgMotionRank: 0.8))
        #expect(abs(p.sparsity - 0.9) < 1e-12)
        #expect(p.quality01 == 0.78)
    }

    @Test func failedPresetsScoreZeroAndUnmeasuredOnesAreUnscored() throws {
        let manifest = PairsManifest(made: .init(tool: "test"), pairs: [
            PairEntry(id: "a", fg: "f1", bg: "b1", warpDiff: 0, cxDiff: 0),
            PairEntry(id: "b", fg: "f2", bg: "b1", warpDiff: 0, cxDiff: 0),
            PairEntry(id: "c", fg: "f1", bg: "gone", warpDiff: 0, cxDiff: 0),
            PairEntry(id: "d", fg: "bad", bg: "b1", warpDiff: 0, cxDiff: 0),
        ])
        let scan = ScanMetrics(byPath: [
            "f1": PresetMeasure(failed: false, tier: "strict", avgLuma: 0.1, motion: 0.1),
            "f2": PresetMeasure(failed: false, tier: "strict", avgLuma: 0.6, motion: 0.01),
            "b1": PresetMeasure(failed: false, tier: "strict", avgLuma: 0.5, motion: 0.3),
            "bad": PresetMeasure(failed: true),
        ])
        let (q, unscored) = try PairScorer.score(manifest, scan: scan, scanSource: "scan", file: "q.json")
        #expect(unscored == ["c"])
        #expect(q.quality["d"] == 0)
        #expect((q.quality["a"] ?? 0) > (q.quality["b"] ?? 1))
        #expect(q.qualityStats.count == 3 && q.qualityStats.std > 0.05)
        #expect(q.qualityStats.method == PairScorer.method && q.made.method == PairScorer.method)
    }

    @Test func aConstantScoreIsAnErrorNotAResult() {
        let manifest = PairsManifest(made: .init(tool: "test"), pairs: (0..<5).map {
            PairEntry(id: "p\($0)", fg: "f\($0)", bg: "b\($0)", warpDiff: 0, cxDiff: 0)
        })
        var measures: [String: PresetMeasure] = [:]
        for i in 0..<5 {
            measures["f\(i)"] = PresetMeasure(failed: false, tier: "strict", avgLuma: 0.2, motion: 0.1)
            measures["b\(i)"] = PresetMeasure(failed: false, tier: "strict", avgLuma: 0.4, motion: 0.1)
        }
        #expect {
            try PairScorer.score(manifest, scan: ScanMetrics(byPath: measures), scanSource: "s", file: "pack/q.json")
        } throws: { error in
            guard case let .degenerateScores(file, std, count)? = error as? SelectionError else { return false }
            return file == "pack/q.json" && std < 0.01 && count == 5 && "\(error)".contains("constant")
        }
    }

    @Test func aRunManifestIsReadLeniently() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = """
        {"format": "aivj-run-manifest", "formatVersion": 3, "gates": {"okRate": 0.97}, "presets": [
          {"path": "a.milk", "status": "ok", "tier": "strict", "avgLuma": 0.4, "motion": 0.05, "coverage": 0.6, "sha1": "x", "frames": 3},
          {"path": "b.milk", "status": "timeout", "reasons": ["took too long"]},
          {"path": "c.milk", "status": "ok", "tier": "tier3", "avgLuma": "bright"},
          {"status": "ok"},
          {"path": "d.milk", "status": "ok", "tier": "dark", "avgLuma": 0.05}
        ]}
        """
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let scan = try ScanMetrics.load(path)
        #expect(scan.skippedEntries == 1)
        #expect(scan["a.milk"] == PresetMeasure(failed: false, tier: "strict", avgLuma: 0.4, motion: 0.05, coverage: 0.6))
        #expect(scan["b.milk"]?.failed == true)
        #expect(scan["c.milk"] == PresetMeasure(failed: false, tier: nil, avgLuma: nil, motion: nil))
        #expect(scan.weight(forPreset: "b.milk") == 0 && scan.weight(forPreset: "d.milk") == 0.4 && scan.weight(forPreset: "zz") == 1)
        #expect(throws: SelectionError.self) { try ScanMetrics.load(path + ".missing") }
    }
}
