/// The documented thresholds behind `black`, `static`, the tiers and the gates (docs/formats.md).
public struct ScanThresholds: Codable, Sendable, Equatable {
    /// A preset whose every capture has mean luma below this is `black` (failed).
    public var blackLuma: Double = 0.01
    /// A preset whose motion is below this is `static` (failed): nothing moves between captures.
    public var staticMotion: Double = 0.002
    /// A pixel counts toward `coverage` when its luma is above this.
    public var coveragePixelLuma: Double = 0.1
    /// Tier 1 (`strict`) needs `avgLuma` at least this …
    public var strictLuma: Double = 0.08
    /// … and `coverage` at least this …
    public var strictCoverage: Double = 0.2
    /// … and `motion` at least this; otherwise the preset is `dark` (Tier 2).
    public var strictMotion: Double = 0.01
    /// Gate: `ok / (ok + failed)` at least this.
    public var gateOkRate: Double = 0.95
    /// Gate: the most common first-frame SHA-1 covers less than this share of presets.
    public var gateTopSame: Double = 0.20
    /// Gate: `max − min` of `avgLuma` over ok presets above this.
    public var gateLumaRange: Double = 0.3
    /// Gate: `max − min` of `motion` over ok presets above this.
    public var gateMotionRange: Double = 0.05

    public init() {}
}
