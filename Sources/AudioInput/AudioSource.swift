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

    /// The line the HUD shows, or nil when all is well.
    public var hudText: String? {
        switch self {
        case .running: return nil
        case let .fallback(message): return "NO AUDIO INPUT (silence): \(message)"
        case .finished: return "audio finished"
        }
    }
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
