import Foundation
import Recording
import Testing

/// The main job, headless: a recording of the live show whose frames show something.
struct DemoCommandTests {
    @Test func headlessDemoRecordsFramesThatAreNotBlack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try AIVJProcess.run(["demo", "--headless", "--seconds", "1", "--out", directory.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("recorded to"))
        let frames = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/frames")
            .filter { $0.hasPrefix("frame-") }
        #expect(frames.count == 30)
        let last = try PNGCodec.decode(Array(try Data(contentsOf: directory.appendingPathComponent("frames/frame-000029.png"))))
        #expect(last.meanLuma > 0.02)
        // Both layers of the live show: the recording's index names a pair with an FG and a BG preset.
        let index = try String(contentsOfFile: directory.path + "/frames-index.jsonl", encoding: .utf8)
        #expect(index.split(separator: "\n").count == 30)
        #expect(index.contains("\"pair_id\""))
        // Running it again replaces the previous demo rather than failing on an existing recording.
        let again = try AIVJProcess.run(["demo", "--headless", "--seconds", "1", "--out", directory.path])
        #expect(again.status == 0, "\(again.stderr)")
    }
}
