import ScanFormat

/// What happened to one preset in a worker, before it is judged.
public struct PresetOutcome: Codable, Sendable, Equatable {
    public var path: String
    /// FNV-1a 64 of the file's bytes (absent when it could not be read).
    public var id: String?
    /// The captured frames, in capture order, as they go into `frames-index.jsonl`.
    public var lines: [FramesIndexLine]
    /// A failure that left no picture to judge: `parse-error`, `render-error`, `timeout` or `crash`.
    public var failure: ScanReason?
    /// One line about that failure.
    public var detail: String?
    /// The renderer replaced a shader it could not use.
    public var shaderFallback: Bool
    public var seconds: Double
    public var renderSeconds: Double?
    /// The GL renderer string, for the manifest's provenance.
    public var renderer: String?

    public init(path: String, id: String? = nil, lines: [FramesIndexLine] = [], failure: ScanReason? = nil,
                detail: String? = nil, shaderFallback: Bool = false, seconds: Double = 0, renderSeconds: Double? = nil,
                renderer: String? = nil) {
        self.path = path; self.id = id; self.lines = lines; self.failure = failure; self.detail = detail
        self.shaderFallback = shaderFallback; self.seconds = seconds; self.renderSeconds = renderSeconds
        self.renderer = renderer
    }
}

/// Turns an outcome into a manifest entry by the documented thresholds.
public enum PresetVerdict {
    public static func entry(_ outcome: PresetOutcome, thresholds: ScanThresholds, attempts: Int) -> RunManifestEntry {
        var entry = RunManifestEntry(path: outcome.path, status: .failed)
        entry.id = outcome.id
        entry.detail = outcome.detail
        entry.timing = ScanTiming(attempts: attempts, seconds: round6(outcome.seconds),
                                  renderSeconds: outcome.renderSeconds.map(round6))
        if let failure = outcome.failure {
            entry.reasons = [failure.rawValue]
            entry.frames = 0
            return entry
        }
        let lines = outcome.lines
        entry.frames = lines.count
        guard !lines.isEmpty else {
            entry.reasons = [ScanReason.renderError.rawValue]
            entry.detail = entry.detail ?? "no frame was captured"
            return entry
        }
        let avgLuma = round6(lines.map(\.avgLuma).reduce(0, +) / Double(lines.count))
        let coverage = round6(lines.map(\.coverage).reduce(0, +) / Double(lines.count))
        let motions = lines.compactMap(\.motion)
        let motion = motions.isEmpty ? nil : round6(motions.reduce(0, +) / Double(motions.count))
        entry.avgLuma = avgLuma
        entry.coverage = coverage
        entry.motion = motion
        entry.firstFrameSHA1 = lines[0].sha1

        var reasons: [ScanReason] = []
        if outcome.shaderFallback { reasons.append(.shaderFallback) }
        if lines.allSatisfy({ $0.avgLuma < thresholds.blackLuma }) { reasons.append(.black) }
        if let motion, motion < thresholds.staticMotion { reasons.append(.static) }
        if !reasons.isEmpty {
            entry.reasons = reasons.map(\.rawValue)
            return entry
        }
        entry.status = .ok
        if avgLuma < thresholds.strictLuma { reasons.append(.dim) }
        if coverage < thresholds.strictCoverage { reasons.append(.sparse) }
        if let motion, motion < thresholds.strictMotion { reasons.append(.slow) }
        entry.tier = reasons.isEmpty ? .strict : .dark
        entry.reasons = reasons.isEmpty ? nil : reasons.map(\.rawValue)
        return entry
    }

    /// Six decimals, so the files read well and equal computations print equal text.
    public static func round6(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
