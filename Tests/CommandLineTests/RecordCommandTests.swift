import Foundation
import Testing

@Suite(.serialized)
struct RecordCommandTests {
    static let pack = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/LiveShow/pack").path

    static func folder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-record-\(name)-\(UUID().uuidString)").path
        return path
    }

    static func arguments(_ out: String, frames: Int) -> [String] {
        ["record", "--out", out, "--pack", pack, "--frames", String(frames), "--size", "64x36", "--switch-every", "0.5",
         "--quiet"]
    }

    @Test func recordsFramesAnIndexAPickLogAndAVideo() throws {
        let out = Self.folder("video")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let hasFFmpeg = FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg")
        let result = try AIVJProcess.run(Self.arguments(out, frames: 20) + (hasFFmpeg ? ["--video", out + "/show.mp4"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["written"] as? Int == 20)
        let index = try String(contentsOfFile: out + "/frames-index.jsonl", encoding: .utf8)
        #expect(index.split(separator: "\n").count == 20)
        #expect(FileManager.default.fileExists(atPath: out + "/frames/frame-000019.png"))
        #expect(FileManager.default.fileExists(atPath: out + "/picks.jsonl"))
        if hasFFmpeg {
            let size = (try FileManager.default.attributesOfItem(atPath: out + "/show.mp4")[.size] as? Int) ?? 0
            #expect(size > 1000)
        }
    }

    @Test func killNineThenResumeGivesTheUninterruptedRecording() throws {
        let (whole, killed) = (Self.folder("whole"), Self.folder("killed"))
        defer { try? FileManager.default.removeItem(atPath: whole); try? FileManager.default.removeItem(atPath: killed) }
        #expect(try AIVJProcess.run(Self.arguments(whole, frames: 90)).status == 0)
        let process = Process()
        process.executableURL = AIVJProcess.executable
        process.arguments = Self.arguments(killed, frames: 90)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some frames are indexed (if it finishes first, resume has nothing left to do).
        let index = killed + "/frames-index.jsonl"
        while process.isRunning {
            let lines = (try? String(contentsOfFile: index, encoding: .utf8))?.split(separator: "\n").count ?? 0
            if lines >= 20 { kill(process.processIdentifier, SIGKILL); break }
            usleep(20_000)
        }
        process.waitUntilExit()
        let resumed = try AIVJProcess.run(Self.arguments(killed, frames: 90) + ["--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for file in ["frames-index.jsonl", "picks.jsonl", "record.json"] {
            #expect(FileManager.default.contents(atPath: whole + "/" + file) == FileManager.default.contents(atPath: killed + "/" + file))
        }
        let frames = try FileManager.default.contentsOfDirectory(atPath: whole + "/frames").sorted()
        #expect(frames.count == 90)
        #expect(try FileManager.default.contentsOfDirectory(atPath: killed + "/frames").sorted() == frames)
        for name in frames {
            #expect(FileManager.default.contents(atPath: whole + "/frames/" + name) == FileManager.default.contents(atPath: killed + "/frames/" + name))
        }
    }

    @Test func aBadSizeIsAOneLineError() throws {
        let result = try AIVJProcess.run(["record", "--out", Self.folder("bad"), "--pack", Self.pack, "--size", "12by7"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("12by7"))
        #expect(result.stderr.split(separator: "\n").count <= 2)
    }
}
