import Foundation
import Recording
import Testing

/// The main job, headless: it must record frames that show something.
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
        let last = try PNGCodec.decode(Array(try Data(contentsOf: directory.appendingPathComponent("frames/frame-00029.png"))))
        #expect(last.meanLuma > 0.02)
    }
}
