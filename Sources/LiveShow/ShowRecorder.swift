import AudioInput
import Foundation
import GraphicsCore
import Recording
import Selection

/// What a recording run did, printed by `aivj record` as one JSON line.
public struct RecordSummary: Codable, Sendable, Equatable {
    public var out: String
    public var frames: Int
    /// Frames written by this run (the rest were already there, or `writeFrames` was off).
    public var written: Int
    /// The first frame this run wrote (0 unless resumed).
    public var resumedFrom: Int
    public var picks: Int
    public var seconds: Double
    public var fps: Double
    public var video: String?
    /// GL objects alive before the show was torn down, and after (0 after means nothing leaked).
    public var glObjectsLive: GLObjectCounter.Counts
    public var glObjectsAfter: GLObjectCounter.Counts
    public var warnings: [String]
}

/// Renders the show headless at a fixed step: frame i at time i / fps from the exact samples of frame i,
/// written to `DIR/frames/`, `DIR/frames-index.jsonl` and the pick log `DIR/picks.jsonl`.
///
/// **Resume.** Each frame is written atomically (temporary file, then rename) and only then its index line is
/// appended whole, so after `kill -9` the index lists exactly the frames that are complete on disk (a torn last
/// line is dropped). `--resume` keeps those lines, drops pick-log lines from later frames, and then re-simulates
/// the show from frame 0 without writing — the layers' feedback buffers are GPU state that only rendering
/// recreates, and the audio analysis, picker and transitions depend on every earlier frame — before writing
/// on from the first missing frame. The frames it writes are the bytes an uninterrupted run would have written.
public enum ShowRecorder {
    public static let framesFolder = "frames"
    public static let indexFile = "frames-index.jsonl"
    public static let pickLogFile = "picks.jsonl"
    public static let manifestFile = "record.json"
    public static let statsFile = "stats.jsonl"

    /// The file of frame `frame`, relative to the recording folder.
    public static func framePath(_ frame: Int, format: FrameFormat) -> String {
        let digits = String(frame)
        return framesFolder + "/frame-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + "." + format.rawValue
    }

    /// Runs the recording (with the HUD drawn in by `ShowHUD` when `options.hud` is set). `log` gets
    /// one-line notices.
    public static func run(_ options: RecordOptions, log: (String) -> Void = { _ in }) throws -> RecordSummary {
        let out = options.outDirectory
        guard options.frames > 0 else {
            throw LiveShowError.badSetting(name: "frames", value: "\(options.frames)", reason: "must be at least 1")
        }
        let configuration = try options.show.validated()
        let (pairs, problems) = try ShowPack.load(options.pack, libraryRoot: options.libraryRoot)
        for problem in problems { log("pack: \(problem)") }
        try createFolder(out + "/" + framesFolder)
        let resumeFrom = try prepareResume(options)
        let warnings: [String] = []

        let source = try LiveSources.audioOption(options.audio)
        let feed: AudioFeed
        do { feed = try AudioFeed(source: source, fps: configuration.fps) } catch {
            throw LiveShowError.badSetting(name: "audio", value: options.audio, reason: "\(error)")
        }
        let videoPipe = try options.video.map { path in
            try VideoPipe(output: path, width: configuration.width, height: configuration.height, fps: configuration.fps,
                          audio: try muxAudio(options, frames: options.frames, fps: configuration.fps))
        }

        let index = options.writeFrames ? try LineAppender(path: out + "/" + indexFile) : nil
        let pickLog = try LineAppender(path: out + "/" + pickLogFile)
        let stats = options.statsEvery != nil ? try LineAppender(path: out + "/" + statsFile) : nil
        let tty = options.progress && isatty(STDERR_FILENO) == 1
        let bar = ProgressBar(total: options.frames)
        let clock = ContinuousClock()
        let start = clock.now
        var lastDrawn = start
        var written = 0
        var pickCount = 0
        var liveAtEnd = GLObjectCounter.live
        var showWarnings: [ShowWarning] = []
        // Wall time of `advance` (CPU side of a frame, GL calls queued): hitches at pair changes show here.
        var slowestFrame = 0.0, frameTimeSum = 0.0, framesSinceStats = 0

        do {
            let context = try wrapGraphics { try HeadlessContext() }
            // The show's GL objects must be freed while the context is current: it outlives this block.
            defer { withExtendedLifetime(context) {} }
            // Preset programs are compiled on a context of the preparer's own.
            let shared = try wrapGraphics { try context.makeShared() }
            let show = try Show(pairs: pairs, configuration: configuration, sharedContext: shared)
            if options.hud { show.overlay = ShowHUD(visible: true) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for frame in 0..<options.frames {
                let audio = feed.next()
                let time = Double(frame) / configuration.fps
                let frameStart = clock.now
                try show.advance(audio: audio, time: time)
                let frameSeconds = seconds(clock.now - frameStart)
                slowestFrame = max(slowestFrame, frameSeconds)
                frameTimeSum += frameSeconds
                framesSinceStats += 1
                let picks = show.takeNewPicks()
                let writing = frame >= resumeFrom
                if writing || videoPipe != nil {
                    let pixels = try show.readOutput()
                    try videoPipe?.write(pixels)
                    if writing {
                        for pick in picks {
                            try pickLog.append(try PickLog.line(pick))
                            pickCount += 1
                        }
                        if let index {
                            let file = framePath(frame, format: options.format)
                            let image = try RGBImage(width: configuration.width, height: configuration.height, pixels: pixels)
                            try writeImage(image, format: options.format, to: out + "/" + file)
                            let status = show.status
                            let line = RecordedFrame(frame: frame, time: time, file: file, pairID: status.pairID ?? "",
                                                     fg: status.fgPreset, bg: status.bgPreset,
                                                     intensity01: Double(audio.intensity01), avgLuma: image.meanLuma)
                            try index.append(String(decoding: try encoder.encode(line), as: UTF8.self))
                            written += 1
                        }
                    }
                }
                if let every = options.statsEvery, let stats, every > 0, frame % every == 0 || frame == options.frames - 1 {
                    let line = StatsLine(frame: frame, time: time, rssKB: ProcessMemory.residentKilobytes(),
                                         gl: GLObjectCounter.live, slowestFrameMs: slowestFrame * 1000,
                                         meanFrameMs: frameTimeSum * 1000 / Double(max(1, framesSinceStats)))
                    try stats.append(String(decoding: try encoder.encode(line), as: UTF8.self))
                    (slowestFrame, frameTimeSum, framesSinceStats) = (0, 0, 0)
                }
                if tty, clock.now - lastDrawn > .milliseconds(250) || frame == options.frames - 1 {
                    lastDrawn = clock.now
                    FileHandle.standardError.write(Data(("\r" + bar.line(done: frame + 1, elapsed: seconds(clock.now - start))).utf8))
                }
            }
            if tty { FileHandle.standardError.write(Data("\n".utf8)) }
            try wrapGraphics { try checkGLError("finishing the recording") }
            liveAtEnd = GLObjectCounter.live
            showWarnings = show.status.warnings
        }
        try videoPipe?.finish()
        let elapsed = seconds(clock.now - start)
        return RecordSummary(out: out, frames: options.frames, written: written, resumedFrom: resumeFrom, picks: pickCount,
                             seconds: elapsed, fps: elapsed > 0 ? Double(options.frames) / elapsed : 0,
                             video: options.video, glObjectsLive: liveAtEnd, glObjectsAfter: GLObjectCounter.live,
                             warnings: warnings + showWarnings.map { "\($0.kind.rawValue): \($0.message)" })
    }

    /// One line of `stats.jsonl`.
    struct StatsLine: Codable {
        var frame: Int
        var time: Double
        var rssKB: Int
        var gl: GLObjectCounter.Counts
        /// The slowest and mean wall time of `Show.advance` since the previous line, in milliseconds.
        var slowestFrameMs: Double
        var meanFrameMs: Double
    }

    /// Checks or writes `record.json`, repairs the index and pick log, and returns the first frame to write.
    private static func prepareResume(_ options: RecordOptions) throws -> Int {
        let out = options.outDirectory
        let manifestPath = out + "/" + manifestFile
        let indexPath = out + "/" + indexFile
        let pickPath = out + "/" + pickLogFile
        let manifest = RecordManifest(options)
        let exists = FileManager.default.fileExists(atPath: manifestPath)
        var resumeFrom = 0
        if exists {
            guard options.resume else { throw LiveShowError.recordingExists(path: out) }
            guard let data = FileManager.default.contents(atPath: manifestPath),
                  let old = try? JSONDecoder().decode(RecordManifest.self, from: data) else {
                throw LiveShowError.io(path: manifestPath, message: "not a recording manifest")
            }
            if let field = manifest.mismatch(old) { throw LiveShowError.resumeMismatch(path: out, field: field) }
            if options.writeFrames {
                let frames = try JSONLines.recordedFrames(indexPath)
                try JSONLines.rewrite(indexPath, lines: try JSONLines.completeLines(indexPath).prefix(frames.count).map { $0 })
                resumeFrom = frames.count
                removeStrayFrames(in: out, keeping: resumeFrom, format: options.format)
            }
            // Picks made at or after the first frame to write are made again.
            let limit = Double(resumeFrom) / options.show.fps - 1e-9
            let kept = try JSONLines.completeLines(pickPath).filter { line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let time = (object["time"] as? NSNumber)?.doubleValue else { return false }
                return time < limit
            }
            try JSONLines.rewrite(pickPath, lines: kept)
        } else {
            for file in [indexPath, pickPath] where FileManager.default.fileExists(atPath: file) {
                try? FileManager.default.removeItem(atPath: file)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try encoder.encode(manifest).write(to: URL(fileURLWithPath: manifestPath), options: .atomic)
        } catch {
            throw LiveShowError.io(path: manifestPath, message: "cannot write the file")
        }
        return resumeFrom
    }

    /// Deletes what a `kill -9` can leave in `frames/` besides the indexed frames: the temporary file of an
    /// interrupted atomic write, and frames written but not yet indexed (they are written again).
    private static func removeStrayFrames(in out: String, keeping count: Int, format: FrameFormat) {
        let folder = out + "/" + framesFolder
        let kept = Set((0..<count).map { (framePath($0, format: format) as NSString).lastPathComponent })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !kept.contains(name) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// The audio file to mux: the file itself, or the synthetic signal written to `DIR/audio.wav`.
    private static func muxAudio(_ options: RecordOptions, frames: Int, fps: Double) throws -> String? {
        if FileManager.default.fileExists(atPath: options.audio) { return options.audio }
        let source = try LiveSources.audioOption(options.audio)
        let path = options.outDirectory + "/audio.wav"
        do {
            let writer = try SndfileWriter(path: path, sampleRate: source.sampleRate, channels: 2, kind: .wav16)
            for frame in 0..<frames {
                let block = try source.block(forFrame: frame, fps: fps)
                try writer.write(left: block.left, right: block.right)
            }
            try writer.close()
        } catch {
            throw LiveShowError.io(path: path, message: "cannot write the audio to mux: \(error)")
        }
        return path
    }

    private static func writeImage(_ image: RGBImage, format: FrameFormat, to path: String) throws {
        do {
            let bytes = format == .png ? try PNGCodec.encode(image) : try WebPCodec.encode(image)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LiveShowError.io(path: path, message: "cannot write the frame: \(error)")
        }
    }

    private static func createFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw LiveShowError.io(path: path, message: "cannot create the folder")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
