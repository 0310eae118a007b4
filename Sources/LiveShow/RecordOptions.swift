import Coupling
import Selection

/// The image format of recorded frames.
public enum FrameFormat: String, Codable, Sendable, CaseIterable {
    case png
    /// Lossless WebP.
    case webp
}

/// What `aivj record` was asked to do.
public struct RecordOptions: Sendable {
    /// The recording folder: `frames/`, `frames-index.jsonl`, `picks.jsonl`, `record.json`.
    public var outDirectory: String
    public var pack: String
    public var libraryRoot: String?
    /// `synth`, `synth:SEED`, `silence` or an audio file.
    public var audio: String
    public var frames: Int
    public var format: FrameFormat
    /// Draw the HUD into the frames (`ShowHUD`).
    public var hud: Bool
    /// An MP4 to pipe the frames to through ffmpeg, with the audio muxed in.
    public var video: String?
    /// Complete an interrupted recording in `outDirectory`.
    public var resume: Bool
    public var show: ShowConfiguration
    /// False for soak runs: frames are rendered and read back but not encoded or written.
    public var writeFrames: Bool
    /// Writes a stats line (RSS, live GL objects) every this many frames to `outDirectory/stats.jsonl`.
    public var statsEvery: Int?
    /// Draw a progress bar with ETA on standard error when it is a terminal.
    public var progress: Bool

    public init(outDirectory: String, pack: String = ShowPack.defaultDirectory, libraryRoot: String? = nil,
                audio: String = "synth", frames: Int, format: FrameFormat = .png, hud: Bool = false,
                video: String? = nil, resume: Bool = false, show: ShowConfiguration = .init(),
                writeFrames: Bool = true, statsEvery: Int? = nil, progress: Bool = true) {
        self.outDirectory = outDirectory
        self.pack = pack
        self.libraryRoot = libraryRoot
        self.audio = audio
        self.frames = frames
        self.format = format
        self.hud = hud
        self.video = video
        self.resume = resume
        self.show = show
        self.writeFrames = writeFrames
        self.statsEvery = statsEvery
        self.progress = progress
    }

    /// Frames for `--seconds S` at `fps` (rounded to the nearest frame).
    public static func frames(seconds: Double, fps: Double) throws -> Int {
        guard seconds.isFinite, seconds > 0, seconds * fps < 1e8 else {
            throw LiveShowError.badSetting(name: "--seconds", value: "\(seconds)", reason: "must be a positive number")
        }
        return max(1, Int((seconds * fps).rounded()))
    }
}

/// `record.json`: the settings a recording was made with, checked by `--resume` so a resumed recording is the
/// same show.
public struct RecordManifest: Codable, Sendable, Equatable {
    public static let formatName = "aivj-record"
    public var format = RecordManifest.formatName
    public var formatVersion = 0
    public var pack: String
    public var audio: String
    public var frames: Int
    public var fps: Double
    public var width: Int
    public var height: Int
    public var seed: UInt64
    public var frameFormat: FrameFormat
    public var hud: Bool
    public var pickMode: PickMode
    public var coupling: CouplingParameters
    public var policy: PairChangePolicy
    /// The BG layer's internal scale (absent in recordings made before it existed: they used 1).
    public var backgroundScale: Double?

    init(_ options: RecordOptions) {
        pack = options.pack
        audio = options.audio
        frames = options.frames
        fps = options.show.fps
        width = options.show.width
        height = options.show.height
        seed = options.show.seed
        frameFormat = options.format
        hud = options.hud
        pickMode = options.show.picker.mode
        coupling = options.show.coupling
        policy = options.show.policy
        backgroundScale = options.show.backgroundScale
    }

    /// The first setting that differs from `other` (the frame count may grow), or nil when they match.
    func mismatch(_ other: RecordManifest) -> String? {
        let checks: [(String, Bool)] = [
            ("pack", pack == other.pack), ("audio", audio == other.audio), ("fps", fps == other.fps),
            ("size", width == other.width && height == other.height), ("seed", seed == other.seed),
            ("frame format", frameFormat == other.frameFormat), ("hud", hud == other.hud),
            ("pick mode", pickMode == other.pickMode), ("coupling", coupling == other.coupling),
            ("pair policy", policy == other.policy), ("bg scale", (backgroundScale ?? 1) == (other.backgroundScale ?? 1)),
        ]
        return checks.first { !$0.1 }?.0
    }
}
