import Foundation
import Testing
@testable import Selection
import ScanFormat

@Suite struct FormatTests {
    @Test func manifestRoundTripsThroughTheSameType() throws {
        let m = PairsManifest(libraryRoot: "../library", made: PackProvenance(tool: "test", seed: 3), pairs: [
            PairEntry(id: "a", fg: "x.milk", bg: "y.milk", warpDiff: 0.5, cxDiff: 0.1, tags: ["t"]),
        ])
        let data = try JSONFiles.encode(m)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"warp_diff\" : 0.5") && text.contains("\"cx_diff\" : 0.1"))
        #expect(!text.contains("skipped"))
        #expect(try JSONFiles.decoder().decode(PairsManifest.self, from: data) == m)
        #expect(try JSONFiles.encode(m) == data)
    }

    @Test func qualityRoundTripsAndComputesStats() throws {
        let q = PairsQuality(made: PackProvenance(tool: "test", method: "made up"),
                             quality: ["a": 0.1, "b": 0.2, "c": 0.3, "d": 0.4, "e": 0.5, "f": 0.6, "g": 0.7, "h": 0.8, "i": 0.9, "j": 1.0])
        #expect(q.qualityStats.min == 0.1 && q.qualityStats.max == 1.0)
        #expect(abs(q.qualityStats.mean - 0.55) < 1e-12)
        #expect(q.qualityStats.p10 == 0.1 && q.qualityStats.p50 == 0.5 && q.qualityStats.p90 == 0.9)
        #expect(abs(q.qualityStats.std - 0.287228) < 1e-6)
        let data = try JSONFiles.encode(q)
        #expect(try JSONFiles.decoder().decode(PairsQuality.self, from: data) == q)
    }

    @Test func runManifestDecodesTheProvisionalShape() throws {
        let json = """
        {"format": "aivj-run-manifest", "formatVersion": 0, "presets": [
          {"path": "a.milk", "status": "ok", "tier": "strict", "avgLuma": 0.3, "motion": 0.2, "reasons": []},
          {"path": "b.milk", "status": "failed", "reasons": ["black frames"]},
          {"path": "c.milk", "status": "ok", "tier": "dark"}]}
        """
        let run = try JSONFiles.decoder().decode(RunManifest.self, from: Data(json.utf8))
        #expect(run.weight(forPreset: "a.milk") == 1)
        #expect(run.weight(forPreset: "b.milk") == 0)
        #expect(run.weight(forPreset: "c.milk") == RunManifest.darkWeight)
        #expect(run.weight(forPreset: "unknown.milk") == 1)
    }
}
