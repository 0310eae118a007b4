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
}
