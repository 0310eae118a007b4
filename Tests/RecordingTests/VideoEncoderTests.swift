import Foundation
import Recording
import Testing

struct VideoEncoderTests {
    @Test(.enabled(if: VideoEncoder.ffmpegPath() != nil))
    func encodesAPNGSequenceIntoAnMP4() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-video-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for frame in 0..<6 {
            let image = RGBImage(width: 32, height: 16, red: UInt8(frame * 40), green: 80, blue: 160)
            let name = String(format: "frame-%05d.png", frame)
            try Data(try PNGCodec.encode(image)).write(to: directory.appendingPathComponent(name))
        }
        let output = directory.appendingPathComponent("out.mp4").path
        try VideoEncoder.encode(framesIn: directory.path, fps: 30, audio: nil, output: output)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(data.count > 100)
        #expect(String(decoding: data[4..<8], as: UTF8.self) == "ftyp")
    }

    @Test func aMissingFrameFolderIsAnError() {
        #expect(throws: RecordingError.self) {
            try VideoEncoder.encode(framesIn: "/nonexistent-aivj", fps: 30, audio: nil, output: "/tmp/aivj-never.mp4")
        }
    }
}
