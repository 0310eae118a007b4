import AudioAnalysis

/// One frame's worth of samples, deinterleaved, −1…1.
public struct AudioBlock: Sendable, Equatable {
    public var left: [Float]
    public var right: [Float]
    /// True when these samples are silence standing in for a missing or lost device.
    public var fallback: Bool

    public init(left: [Float], right: [Float], fallback: Bool = false) {
        self.left = left
        self.right = right
        self.fallback = fallback
    }

    /// `count` samples of silence.
    public static func silence(_ count: Int, fallback: Bool = false) -> AudioBlock {
        let z = [Float](repeating: 0, count: count)
        return AudioBlock(left: z, right: z, fallback: fallback)
    }
}

/// The health of a source, for the HUD and `aivj listen`.
public enum AudioSourceStatus: Sendable, Equatable {
    case running
    /// Playing silence instead of the device; the message says why, reconnection is being attempted.
    case fallback(message: String)
    /// A file or finite signal has no more samples.
    case finished
}

/// Where a frame's samples come from: a capture device, a file, or a synthetic signal.
public protocol AudioSource: AnyObject {
    /// Samples per second of the blocks this source returns.
    var sampleRate: Int { get }
    /// A short human-readable name (device, file name, or "silence").
    var name: String { get }
    var status: AudioSourceStatus { get }
    /// The samples for video frame `index` at `fps`. Files and synthetic sources return exactly the
    /// samples `[floor(i·rate/fps), floor((i+1)·rate/fps))`; live sources return what arrived since
    /// the previous call.
    func block(forFrame index: Int, fps: Double) throws(AudioInputError) -> AudioBlock
}

/// The exact sample range of a video frame, so a recording is reproducible.
public enum FrameSampleRange {
    /// `[floor(i·rate/fps), floor((i+1)·rate/fps))`, in integer arithmetic when fps is whole.
    public static func range(frame i: Int, sampleRate: Int, fps: Double) -> Range<Int> {
        start(frame: i, sampleRate: sampleRate, fps: fps)..<start(frame: i + 1, sampleRate: sampleRate, fps: fps)
    }

    static func start(frame i: Int, sampleRate: Int, fps: Double) -> Int {
        if fps == fps.rounded(), fps >= 1, fps < 1e6 {
            return i * sampleRate / Int(fps)
        }
        return Int((Double(i) * Double(sampleRate) / fps).rounded(.down))
    }
}

/// A source plus the analyser: the one object a render loop asks for each frame's `FrameAudio`.
public final class AudioFeed {
    public let source: any AudioSource
    public let fps: Double
    private let analyzer: AudioAnalyzer
    private var frame = 0

    public init(source: any AudioSource, fps: Double) throws(AudioAnalysisError) {
        self.source = source
        self.fps = fps
        analyzer = try AudioAnalyzer(sampleRate: source.sampleRate, fps: fps)
    }

    /// Reads and analyses the next frame; a source error becomes a silent fallback frame.
    public func next() -> FrameAudio {
        defer { frame += 1 }
        let block: AudioBlock
        do {
            block = try source.block(forFrame: frame, fps: fps)
        } catch {
            let n = FrameSampleRange.range(frame: frame, sampleRate: source.sampleRate, fps: fps).count
            block = .silence(n, fallback: true)
        }
        return analyzer.analyze(left: block.left, right: block.right, fallback: block.fallback)
    }
}
