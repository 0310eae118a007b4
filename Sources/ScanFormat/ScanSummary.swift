/// Counts and gate results of a scan: in `run-manifest.json` and printed by `aivj scan --json`.
public struct ScanSummary: Codable, Sendable, Equatable {
    public var presets: Int
    public var ok: Int
    public var failed: Int
    public var strict: Int
    public var dark: Int
    /// Lines of `frames-index.jsonl`.
    public var frames: Int
    /// How many presets carry each reason.
    public var reasons: [String: Int]
    public var gates: [ScanGate]
    /// Every gate passed.
    public var gatesPassed: Bool
    /// Wall time of the scan command that finished the outputs (a resumed scan counts only its last run);
    /// not part of the result.
    public var seconds: Double?
    /// Presets rendered per second in that run; not part of the result.
    public var presetsPerSecond: Double?

    public init(presets: Int, ok: Int, failed: Int, strict: Int, dark: Int, frames: Int, reasons: [String: Int],
                gates: [ScanGate], seconds: Double? = nil, presetsPerSecond: Double? = nil) {
        self.presets = presets; self.ok = ok; self.failed = failed; self.strict = strict; self.dark = dark
        self.frames = frames; self.reasons = reasons; self.gates = gates
        gatesPassed = gates.allSatisfy(\.pass)
        self.seconds = seconds; self.presetsPerSecond = presetsPerSecond
    }
}

/// One gate: a measured value against its threshold.
public struct ScanGate: Codable, Sendable, Equatable {
    /// `okRate`, `topSame`, `lumaRange` or `motionRange`.
    public var name: String
    /// The measured value (nil when nothing could be measured, which fails the gate).
    public var value: Double?
    /// `>=`, `<` or `>`.
    public var comparison: String
    public var threshold: Double
    public var pass: Bool

    public init(name: String, value: Double?, comparison: String, threshold: Double) {
        self.name = name; self.value = value; self.comparison = comparison; self.threshold = threshold
        if let value {
            switch comparison {
            case ">=": pass = value >= threshold
            case "<": pass = value < threshold
            default: pass = value > threshold
            }
        } else {
            pass = false
        }
    }
}
