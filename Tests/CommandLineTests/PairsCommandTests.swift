import AudioAnalysis
import AudioInput
import Foundation
import Testing

/// End-to-end runs of `aivj pairs check` and `aivj pairs simulate` over the Selection fixture packs.
struct PairsCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Selection").path

    @Test func checkOfAGoodPackExitsZero() throws {
        let result = try AIVJProcess.run(["pairs", "check", Self.fixtures + "/good", "--json"])
        #expect(result.status == 0)
        let summary = try PresetCommandTests.lastJSONObject(result.stdout)
        #expect(summary["pairs"] as? Int == 6 && summary["problems"] as? Int == 0 && summary["scored"] as? Int == 6)
    }

    @Test func checkPrintsOneLinePerProblemAndFails() throws {
        let result = try AIVJProcess.run(["pairs", "check", Self.fixtures + "/escape", "--json"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.prefix(3).allSatisfy { $0.contains("leaves the pack and library root") })
        let summary = try PresetCommandTests.lastJSONObject(result.stdout)
        #expect(summary["problems"] as? Int == 3 && summary["ok"] as? Bool == false)
    }

    @Test func simulateWritesThePickLogSummaryAndPlot() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let wav = directory.appendingPathComponent("track.wav").path
        let signal = TestSignal(style: .loop, segments: [.silence(seconds: 4), .playing(bpm: 120, beats: 8), .silence(seconds: 4)])
        let samples = signal.render()
        let writer = try SndfileWriter(path: wav, sampleRate: signal.sampleRate, channels: 2, kind: .wav16)
        try writer.write(left: samples.left, right: samples.right)
        try writer.close()
        let plot = directory.appendingPathComponent("plot.svg").path
        let log = directory.appendingPathComponent("picks.jsonl").path
        let result = try AIVJProcess.run(["pairs", "simulate", Self.fixtures + "/good", "--audio", wav, "--switch-every", "2",
                                          "--plot", plot, "--log", log, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 7, "6 picks and a summary")
        let summary = try #require(try PresetCommandTests.lastJSONObject(result.stdout)["summary"] as? [String: Any])
        #expect(summary["picks"] as? Int == 6 && summary["repeatShare"] as? Double == 0)
        #expect(try String(contentsOfFile: plot, encoding: .utf8).hasPrefix("<svg"))
        #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 6)
    }

    @Test func buildThenScoreMakesAPackThatChecks() throws {
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-pairs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pack) }
        let build = try AIVJProcess.run(["pairs", "build", Self.fixtures + "/library", "--out", pack, "--count", "6", "--seed", "4",
                                         "--run-manifest", Self.fixtures + "/scan", "--json"])
        #expect(build.status == 0, "\(build.stderr)")
        let record = try PresetCommandTests.lastJSONObject(build.stdout)
        let counts = try #require(record["counts"] as? [String: Any])
        #expect(counts["pairs"] as? Int == 6 && counts["unreadablePresets"] as? Int == 1 && record["seed"] as? Int == 4)
        let score = try AIVJProcess.run(["pairs", "score", pack, "--scan", Self.fixtures + "/scan", "--json"])
        #expect(score.status == 0, "\(score.stderr)")
        let stats = try #require(try PresetCommandTests.lastJSONObject(score.stdout)["qualityStats"] as? [String: Any])
        #expect(stats["count"] as? Int == 6 && (stats["std"] as? Double ?? 0) > 0.01)
        let check = try AIVJProcess.run(["pairs", "check", pack, "--json"])
        #expect(check.status == 0, "\(check.stdout)")
        let summary = try PresetCommandTests.lastJSONObject(check.stdout)
        #expect(summary["pairs"] as? Int == 6 && summary["scored"] as? Int == 6 && summary["problems"] as? Int == 0)
        // The same seed again gives the same bytes.
        let again = pack + "-again"
        defer { try? FileManager.default.removeItem(atPath: again) }
        _ = try AIVJProcess.run(["pairs", "build", Self.fixtures + "/library", "--out", again, "--count", "6", "--seed", "4",
                                 "--run-manifest", Self.fixtures + "/scan"])
        let a = try Data(contentsOf: URL(fileURLWithPath: pack + "/pairs-manifest.v0.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: again + "/pairs-manifest.v0.json"))
        #expect(a == b)
    }

    @Test func scoreRefusesAConstantScoreWithOneLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-pairs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try AIVJProcess.run(["pairs", "build", Self.fixtures + "/library", "--out", dir + "/pack", "--count", "4"])
        let names = ["calm-a", "calm-b", "mid-a", "mid-b", "wild-a", "wild-b"]
        let entries = names.map { "{\"path\": \"\($0).milk\", \"status\": \"ok\", \"tier\": \"strict\", \"avgLuma\": 0.3, \"motion\": 0.1}" }
        try "{\"format\": \"aivj-run-manifest\", \"formatVersion\": 0, \"presets\": [\(entries.joined(separator: ","))]}"
            .write(toFile: dir + "/run-manifest.json", atomically: true, encoding: .utf8)
        let score = try AIVJProcess.run(["pairs", "score", dir + "/pack", "--scan", dir])
        #expect(score.status == 1)
        #expect(score.stderr.split(separator: "\n").count == 1 && score.stderr.contains("constant"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/pack/pairs-quality.v0.json"))
    }

    /// The repository's `presets/pack`, the live show's default pack.
    static let shippedPack = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("presets/pack").path

    @Test func theShippedPackChecksClean() throws {
        let result = try AIVJProcess.run(["pairs", "check", Self.shippedPack, "--run-manifest", Self.shippedPack + "/scan", "--json"])
        #expect(result.status == 0, "\(result.stdout)")
        let summary = try PresetCommandTests.lastJSONObject(result.stdout)
        #expect(summary["problems"] as? Int == 0)
        #expect(summary["pairs"] as? Int == 25 && summary["usable"] as? Int == 25 && summary["scored"] as? Int == 25)
        let stats = try #require(summary["qualityStats"] as? [String: Any])
        #expect((stats["std"] as? Double ?? 0) > 0.05)
        // Every pair puts one of our figure presets in front of one of our textures.
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.shippedPack + "/pairs-manifest.v0.json"))) as? [String: Any])
        let pairs = try #require(manifest["pairs"] as? [[String: Any]])
        #expect(pairs.allSatisfy { ($0["fg"] as? String)?.hasPrefix("fg-") == true && ($0["bg"] as? String)?.hasPrefix("bg-") == true })
    }
}
