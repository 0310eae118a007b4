import Foundation
import LiveShow
import Testing

@Suite(.serialized)
struct ShowRecorderTests {
    static func options(_ out: String, frames: Int = 30, resume: Bool = false) -> RecordOptions {
        let show = ShowConfiguration(width: 64, height: 36, fps: 30, seed: 9,
                                     policy: PairChangePolicy(fixedInterval: 0.4, transitionSeconds: 0.2),
                                     meshColumns: 8, meshRows: 6)
        return RecordOptions(outDirectory: out, pack: fixturePack, audio: "synth", frames: frames, resume: resume,
                             show: show, progress: false)
    }

    static func folder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-show-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        return path
    }

    /// Every file of a recording folder except the manifest, by relative path.
    static func contents(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder) where name != ShowRecorder.manifestFile {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            if !isFolder.boolValue { files[name] = FileManager.default.contents(atPath: folder + "/" + name) }
        }
        return files
    }

    @Test func twoRunsGiveByteIdenticalFrames() throws {
        let (a, b) = (Self.folder("a"), Self.folder("b"))
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        let first = try ShowRecorder.run(Self.options(a))
        _ = try ShowRecorder.run(Self.options(b))
        #expect(first.written == 30)
        #expect(first.picks >= 2)
        let (left, right) = (try Self.contents(a), try Self.contents(b))
        #expect(left.count == 32)  // 30 frames, the index and the pick log
        #expect(left == right)
    }

    @Test func resumeAfterACrashCompletesWithoutDuplicatesOrLoss() throws {
        let (whole, crashed) = (Self.folder("whole"), Self.folder("crashed"))
        defer { try? FileManager.default.removeItem(atPath: whole); try? FileManager.default.removeItem(atPath: crashed) }
        _ = try ShowRecorder.run(Self.options(whole))
        _ = try ShowRecorder.run(Self.options(crashed))
        // What kill -9 can leave: 17 indexed frames, a torn 18th line, frame 18's image written but not indexed,
        // later frames never written, and a pick from after the crash in the log.
        let index = crashed + "/" + ShowRecorder.indexFile
        let lines = String(decoding: try #require(FileManager.default.contents(atPath: index)), as: UTF8.self).split(separator: "\n")
        try Data((lines.prefix(17).joined(separator: "\n") + "\n" + lines[17].prefix(20)).utf8).write(to: URL(fileURLWithPath: index))
        for frame in 19..<30 { try FileManager.default.removeItem(atPath: crashed + "/" + ShowRecorder.framePath(frame, format: .png)) }
        let summary = try ShowRecorder.run(Self.options(crashed, resume: true))
        #expect(summary.resumedFrom == 17)
        #expect(summary.written == 13)
        #expect(try Self.contents(crashed) == Self.contents(whole))
    }

    @Test func anExistingRecordingNeedsResumeAndTheSameSettings() throws {
        let out = Self.folder("exists")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try ShowRecorder.run(Self.options(out, frames: 3))
        #expect(throws: LiveShowError.self) { try ShowRecorder.run(Self.options(out, frames: 3)) }
        var other = Self.options(out, frames: 3, resume: true)
        other.show.seed = 10
        #expect(throws: LiveShowError.self) { try ShowRecorder.run(other) }
        // Resuming a finished recording writes nothing more.
        #expect(try ShowRecorder.run(Self.options(out, frames: 3, resume: true)).written == 0)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")))
    func theHUDIsDrawnIntoTheFramesReproducibly() throws {
        let (plain, hud, again) = (Self.folder("plain"), Self.folder("hud"), Self.folder("hud2"))
        defer { for f in [plain, hud, again] { try? FileManager.default.removeItem(atPath: f) } }
        var options = Self.options(plain, frames: 3)
        options.show.width = 320
        options.show.height = 180
        _ = try ShowRecorder.run(options)
        options.hud = true
        options.outDirectory = hud
        let summary = try ShowRecorder.run(options)
        #expect(summary.warnings.isEmpty)
        options.outDirectory = again
        _ = try ShowRecorder.run(options)
        let frame = ShowRecorder.framePath(2, format: .png)
        let withHUD = FileManager.default.contents(atPath: hud + "/" + frame)
        #expect(withHUD != nil)
        #expect(withHUD != FileManager.default.contents(atPath: plain + "/" + frame))
        #expect(withHUD == FileManager.default.contents(atPath: again + "/" + frame))
    }

    @Test func progressBarShowsPercentSpeedAndETA() {
        let line = ProgressBar(total: 200).line(done: 50, elapsed: 10)
        #expect(line.contains(" 25%"))
        #expect(line.contains("50/200"))
        #expect(line.contains("5.0 fps"))
        #expect(line.contains("ETA 30s"))
        #expect(ProgressBar.duration(3723) == "1h02m03s")
    }
}
