import AudioAnalysis

/// How the picker chooses.
public enum PickMode: String, Codable, Sendable, CaseIterable {
    /// By suitability to the music's intensity, quality, scan weights and recency (docs/picker.md).
    case weighted
    /// Uniformly among usable pairs (still never the last pick twice running).
    case random
}

/// The audio features the picker reads from one frame.
public struct AudioSnapshot: Sendable, Equatable, Codable {
    public var intensity01: Double
    public var energy01: Double
    public var accent01: Double
    public var beatPulse01: Double

    public init(intensity01: Double, energy01: Double = 0, accent01: Double = 0, beatPulse01: Double = 0) {
        self.intensity01 = intensity01; self.energy01 = energy01; self.accent01 = accent01; self.beatPulse01 = beatPulse01
    }

    /// The frame's features, or nil when the source fell back to silence (no real audio to follow).
    public init?(_ frame: FrameAudio) {
        guard !frame.inputFallback else { return nil }
        self.init(intensity01: Double(frame.intensity01), energy01: Double(frame.energy01),
                  accent01: Double(frame.accent01), beatPulse01: Double(frame.beatPulse01))
    }
}

/// One pick, as kept for the HUD and appended to a session's JSONL log.
public struct PickRecord: Codable, Sendable, Equatable {
    /// An alternative the picker weighed.
    public struct Alternative: Codable, Sendable, Equatable {
        public var id: String
        public var weight: Double
    }

    /// Seconds on the injected clock.
    public var time: Double
    /// The mode actually used (weighted falls back to random without audio; `note` then says why).
    public var mode: PickMode
    public var pairID: String
    public var warpDiff: Double
    public var cxDiff: Double
    /// The pair's normalised diff strength 0…1.
    public var strength: Double
    /// The quality used (neutral 0.5 when unscored) and whether the pair had a score.
    public var quality01: Double
    public var scored: Bool
    /// nil when there was no audio snapshot.
    public var intensity01: Double?
    /// The chosen pair's weight and its share of all weights (its probability).
    public var weight: Double
    public var probability: Double
    /// The three highest-weighted other pairs.
    public var alternatives: [Alternative]
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case time, mode, strength, scored, weight, probability, alternatives, note
        case pairID = "pair_id"
        case warpDiff = "warp_diff"
        case cxDiff = "cx_diff"
        case quality01, intensity01
    }
}
