import AudioAnalysis
import AudioInput
import Foundation
import Testing

/// End-to-end runs of `aivj analyze` and `aivj devices`.
struct AudioCommandTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-audio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func analyzeFindsTheTempoOfAGeneratedTrack() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wav = directory.appendingPathComponent("loop-120.wav").path
        let signal = TestSignal.steady(bpm: 120, seconds: 10)
        let samples = signal.render()
        let writer = try SndfileWriter(path: wav, sampleRate: signal.sampleRate, channels: 2, kind: .wav16)
        try writer.write(left: samples.left, right: samples.right)
        try writer.close()
        let result = try AIVJProcess.run(["analyze", wav, "--fps", "30", "--json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 301, "300 frames and a summary")
        let last = try PresetCommandTests.lastJSONObject(result.stdout)
        let summary = try #require(last["summary"] as? [String: Any])
        let bpm = try #require(summary["bpm"] as? Double)
        #expect(abs(bpm - 120) < 1.2)
    }

    @Test func analyzeOfACorruptFileIsAOneLineErrorNamingIt() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("corrupt.wav").path
        try Data("RIFF\u{0}\u{0}garbage, not a wave file".utf8).write(to: URL(fileURLWithPath: path))
        let result = try AIVJProcess.run(["analyze", path, "--json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("corrupt.wav"))
        #expect(result.stderr.split(separator: "\n").count <= 2)
    }

    @Test func devicesListsAtLeastALSAsNullDeviceAsJSON() throws {
        let result = try AIVJProcess.run(["devices", "--json"])
        #expect(result.status == 0)
        let devices = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(devices.contains { $0["name"] as? String == "null" })
    }
}
