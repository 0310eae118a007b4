import Foundation

/// One line of `frames-index.jsonl`: a recorded frame and what was on screen.
public struct RecordedFrame: Codable, Sendable, Equatable {
    public var frame: Int
    /// Show time, `frame / fps`.
    public var time: Double
    /// Path relative to the recording folder.
    public var file: String
    public var pairID: String
    /// The presets on screen (the incoming ones during a transition).
    public var fg: String
    public var bg: String
    public var intensity01: Double
    /// Mean Rec. 601 luma of the frame, 0…1.
    public var avgLuma: Double

    enum CodingKeys: String, CodingKey {
        case frame, time, file, fg, bg, intensity01, avgLuma
        case pairID = "pair_id"
    }
}

/// Reading and repairing the append-only JSON Lines files of a recording, for `--resume`.
///
/// Lines are appended whole (one write of the line and its newline), so after a crash a file ends either
/// on a newline or in one partial line, which is dropped.
enum JSONLines {
    /// The complete lines of `path` (none when the file does not exist).
    static func completeLines(_ path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LiveShowError.io(path: path, message: "cannot read the file")
        }
        var lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        // The piece after the last newline is empty, or a line cut short by a crash.
        lines.removeLast()
        return lines
    }

    /// Replaces `path` with `lines` (atomically: a crash leaves the old or the new file, never half of one).
    static func rewrite(_ path: String, lines: [String]) throws {
        let text = lines.map { $0 + "\n" }.joined()
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LiveShowError.io(path: path, message: "cannot write the file")
        }
    }

    /// The frames of `frames-index.jsonl` that form an unbroken run 0, 1, 2, … from the start.
    static func recordedFrames(_ path: String) throws -> [RecordedFrame] {
        var frames: [RecordedFrame] = []
        let decoder = JSONDecoder()
        for line in try completeLines(path) {
            guard let frame = try? decoder.decode(RecordedFrame.self, from: Data(line.utf8)), frame.frame == frames.count else { break }
            frames.append(frame)
        }
        return frames
    }
}

/// Appends whole lines to a file kept open for the run.
final class LineAppender {
    let path: String
    private let handle: FileHandle

    init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw LiveShowError.io(path: path, message: "cannot create the file")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw LiveShowError.io(path: path, message: "cannot open the file for writing")
        }
        self.handle = handle
        do { try handle.seekToEnd() } catch { throw LiveShowError.io(path: path, message: "cannot seek to the end") }
    }

    /// Writes `line` and its newline in one call.
    func append(_ line: String) throws {
        do { try handle.write(contentsOf: Data((line + "\n").utf8)) } catch {
            throw LiveShowError.io(path: path, message: "cannot append a line")
        }
    }

    deinit { try? handle.close() }
}
