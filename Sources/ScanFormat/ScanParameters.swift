/// What a scan renders and how: every value that changes the frames or the verdicts, plus the robustness knobs.
public struct ScanParameters: Codable, Sendable, Equatable {
    /// Image file format of the captures.
    public enum ImageFormat: String, Codable, Sendable, CaseIterable { case webp, png }

    /// Fixed step: frame `i` is rendered at time `i / fps`.
    public var fps: Int = 30
    /// Frames rendered before the first capture.
    public var warmup: Int = 60
    /// Captures per preset.
    public var captureCount: Int = 3
    /// Frames between captures.
    public var captureEvery: Int = 30
    /// Side of the square output images.
    public var size: Int = 224
    /// Side of the square canvas rendered (then box-filtered down to `size`).
    public var renderSize: Int = 224
    public var format: ImageFormat = .webp
    /// WebP quality (0…100, lossy); ignored for PNG.
    public var quality: Int = 85
    /// `synth`, `synth:SEED`, `silence` or an audio file path.
    public var audio: String = "synth"
    /// Seed for `rand()` in preset code.
    public var seed: UInt64 = 1
    /// Attempt time limit; the worker is killed past it.
    public var timeoutMs: Int = 30_000
    /// Extra attempts after a timeout or a crash.
    public var retries: Int = 2
    /// Presets a worker process renders before it is replaced by a fresh one.
    public var refreshEvery: Int = 100

    public init() {}

    /// The frame numbers captured: `warmup`, `warmup + captureEvery`, …
    public var captureFrames: [Int] { (0..<max(captureCount, 0)).map { warmup + $0 * captureEvery } }

    /// Frames rendered per preset (up to and including the last capture).
    public var framesPerPreset: Int { (captureFrames.last ?? -1) + 1 }

    /// The parameters that decide the frames and metrics; two scans agreeing on these give the same results.
    public var renderingKey: [String] {
        ["\(fps)", "\(warmup)", "\(captureCount)", "\(captureEvery)", "\(size)", "\(renderSize)", format.rawValue,
         "\(quality)", audio, "\(seed)"]
    }

    /// A problem with the values, or nil.
    public var problem: String? {
        if fps <= 0 { return "--fps must be positive (got \(fps))" }
        if warmup < 0 { return "--warmup must not be negative (got \(warmup))" }
        if captureCount < 1 { return "--capture-count must be at least 1 (got \(captureCount))" }
        if captureEvery < 1 { return "--capture-every must be at least 1 (got \(captureEvery))" }
        if !(8...4096).contains(size) { return "--size must be in 8…4096 (got \(size))" }
        if !(8...4096).contains(renderSize) || renderSize < size { return "--render-size must be in \(size)…4096 (got \(renderSize))" }
        if !(0...100).contains(quality) { return "--quality must be in 0…100 (got \(quality))" }
        if timeoutMs < 1 { return "--timeout-ms must be positive (got \(timeoutMs))" }
        if retries < 0 { return "--retries must not be negative (got \(retries))" }
        if refreshEvery < 1 { return "--refresh-every must be at least 1 (got \(refreshEvery))" }
        return nil
    }
}
