import AudioInput
import Foundation
import MilkPreset
import MilkRenderer
import Recording
import ScanFormat
#if canImport(Glibc)
import Glibc
#endif

/// What a worker process is told once, before its first job.
public struct WorkerSetup: Codable, Sendable, Equatable {
    public var parameters: ScanParameters
    public var thresholds: ScanThresholds
    /// The scan folder; frames go under its `frames/`.
    public var outputDirectory: String

    public init(parameters: ScanParameters, thresholds: ScanThresholds, outputDirectory: String) {
        self.parameters = parameters; self.thresholds = thresholds; self.outputDirectory = outputDirectory
    }
}

/// The hidden `aivj scan worker` mode: reads a `WorkerSetup` line then one `ScanItem` per line on stdin,
/// renders each, and writes one `PresetOutcome` line per job on file descriptor 3 (stdout is left to libraries
/// that print). Exits when stdin closes.
public enum ScanWorker {
    /// The descriptor results are written to.
    public static let resultDescriptor: Int32 = 3
    /// Test hook: a worker hangs forever on a preset whose path contains this variable's value.
    public static let hangHook = "AIVJ_SCAN_TEST_HANG"
    /// Test hook: a worker kills itself (SIGKILL) on a preset whose path contains this variable's value.
    public static let crashHook = "AIVJ_SCAN_TEST_CRASH"

    /// Serves jobs until stdin closes; returns the exit status.
    public static func serve() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        guard let first = readLine(strippingNewline: true),
              let setup = try? JSONDecoder().decode(WorkerSetup.self, from: Data(first.utf8)) else {
            FileHandle.standardError.write(Data("aivj scan worker: expected a setup line on stdin\n".utf8))
            return 2
        }
        let environment = ProcessInfo.processInfo.environment
        if let nice = environment[ThreadNice.variable].flatMap({ Int32($0) }) { ThreadNice.apply(nice) }
        let audio: ScanAudio
        do {
            audio = try ScanAudio(audio: setup.parameters.audio, fps: Double(setup.parameters.fps),
                                  frames: setup.parameters.framesPerPreset)
        } catch {
            FileHandle.standardError.write(Data("aivj scan worker: \(error)\n".utf8))
            return 2
        }
        while let line = readLine(strippingNewline: true) {
            guard let item = try? JSONDecoder().decode(ScanItem.self, from: Data(line.utf8)) else { continue }
            if let hang = environment[hangHook], !hang.isEmpty, item.path.contains(hang) {
                while true { sleep(3600) }
            }
            if let crash = environment[crashHook], !crash.isEmpty, item.path.contains(crash) {
                kill(getpid(), SIGKILL)
            }
            let outcome = render(item, setup: setup, audio: audio)
            guard let text = try? ScanJSON.line(outcome),
                  DurableFile.writeAll(resultDescriptor, Data((text + "\n").utf8)) else { return 1 }
        }
        return 0
    }

    /// The image of capture `frame` of the preset at `path`, relative to the scan folder:
    /// `frames/HH/KEY-FFFFF.EXT`, KEY the FNV-1a 64 of the path's UTF-8 bytes, HH its first two digits.
    public static func framePath(forPreset path: String, frame: Int, format: ScanParameters.ImageFormat) -> String {
        let key = FNV1a64.hex(of: path.utf8)
        let digits = String(frame)
        let number = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        return "frames/\(key.prefix(2))/\(key)-\(number).\(format.rawValue)"
    }

    /// Parses, renders and measures one preset, writing its frames; never throws: problems become the outcome.
    static func render(_ item: ScanItem, setup: WorkerSetup, audio: ScanAudio) -> PresetOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        var outcome = attempt(item, setup: setup, audio: audio)
        outcome.seconds = seconds(clock.now - start)
        return outcome
    }

    private static func attempt(_ item: ScanItem, setup: WorkerSetup, audio: ScanAudio) -> PresetOutcome {
        var outcome = PresetOutcome(path: item.path)
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: item.file)) } catch {
            outcome.failure = .parseError
            outcome.detail = "\(item.path): unreadable"
            return outcome
        }
        outcome.id = FNV1a64.hex(of: bytes)
        let preset: Preset
        do {
            preset = try Preset(data: bytes, name: (item.file as NSString).lastPathComponent.replacingOccurrences(of: ".milk", with: ""))
        } catch {
            outcome.failure = .parseError
            outcome.detail = oneLine("\(item.path): \(error)")
            return outcome
        }
        do {
            try capture(preset, item: item, setup: setup, audio: audio, into: &outcome)
        } catch {
            outcome.failure = .renderError
            outcome.detail = oneLine("\(item.path): \(error)")
            outcome.lines = []
        }
        return outcome
    }

    /// Renders through `RenderJob` (the renderer's one entry point, as `aivj render`), then scales, measures,
    /// encodes and writes each capture.
    static func capture(_ preset: Preset, item: ScanItem, setup: WorkerSetup, audio: ScanAudio,
                        into outcome: inout PresetOutcome) throws {
        let parameters = setup.parameters
        let captures = parameters.captureFrames
        let job = RenderJob(presetName: preset.name, width: parameters.renderSize, height: parameters.renderSize,
                            frames: parameters.framesPerPreset, fps: Double(parameters.fps), captures: Set(captures),
                            outputDirectory: "", seed: parameters.seed)
        var driver = layerDriver(for: preset, seed: parameters.seed)
        var fallbacks = driver.diagnostics.filter(isShaderFallback)
        var replay = audio.replay()
        var previous: RGBImage?
        var lines: [FramesIndexLine] = []
        let id = outcome.id ?? ""
        let summary = try job.run(driver: &driver, audio: &replay, report: { line in
            if isShaderFallback(line) { fallbacks.append(line) }
        }) { pixels, frame in
            let rendered = try RGBImage(width: parameters.renderSize, height: parameters.renderSize, pixels: pixels)
            let image = try FrameMetrics.scaled(rendered, to: parameters.size)
            let file = framePath(forPreset: item.path, frame: frame, format: parameters.format)
            let encoded: [UInt8] = switch parameters.format {
            case .webp: try WebPCodec.encode(image, quality: Float(parameters.quality))
            case .png: try PNGCodec.encode(image)
            }
            try DurableFile.write(Data(encoded), to: setup.outputDirectory + "/" + file)
            lines.append(FramesIndexLine(
                preset: item.path, presetId: id, frame: frame, capture: lines.count, file: file,
                avgLuma: PresetVerdict.round6(FrameMetrics.luma(image)),
                coverage: PresetVerdict.round6(FrameMetrics.coverage(image, threshold: setup.thresholds.coveragePixelLuma)),
                motion: previous.map { PresetVerdict.round6(FrameMetrics.difference($0, image)) },
                sha1: FrameMetrics.sha1(image)))
            previous = image
        }
        outcome.lines = lines
        outcome.shaderFallback = !fallbacks.isEmpty
        if let first = fallbacks.first { outcome.detail = oneLine(first) }
        outcome.renderSeconds = summary.seconds
        outcome.renderer = summary.renderer
    }

    /// A renderer diagnostic that says a shader was replaced by MilkDrop's default (MilkRenderer words these
    /// "… warp shader not translated, MilkDrop's default used: …", "… shader did not compile, …", "… shader passes
    /// not available, MilkDrop's defaults used: …"): the word `shader` and `default` or `fallback`.
    public static func isShaderFallback(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.contains("shader") && (lower.contains("default") || lower.contains("fallback"))
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// The audio of a scan: AudioInput's exact per-frame samples, analysed once per worker, and replayed from frame 0
/// for every preset (every preset hears the same audio, so there is no need to synthesise and analyse it again).
final class ScanAudio {
    let fps: Double
    let frames: [LayerFrameInputs]

    init(audio: String, fps: Double, frames: Int) throws {
        self.fps = fps
        let feed = try AudioFeed(source: AudioSourceFactory.make(audio: audio), fps: fps)
        self.frames = (0..<frames).map { LayerFrameInputs(feed.next(), frame: $0, fps: fps) }
    }

    func replay() -> Replay { Replay(frames: frames) }

    /// A `FrameAudioSource` reading the analysed frames in order.
    struct Replay: FrameAudioSource {
        let frames: [LayerFrameInputs]

        func inputs(frame: Int, fps: Double) throws -> LayerFrameInputs {
            guard frames.indices.contains(frame) else { return LayerFrameInputs(frame: frame, fps: fps) }
            return frames[frame]
        }
    }
}
