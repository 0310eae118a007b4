import Foundation
import Determinism

/// Tunable constants of the weighted pick; the defaults are the ones docs/picker.md documents.
public struct PickerConfiguration: Codable, Sendable, Equatable {
    public var mode: PickMode = .weighted
    /// Width σ of the suitability bell around the intensity.
    public var suitabilityWidth = 0.18
    /// Suitability never falls below this, so a badly matched pair keeps a small chance.
    public var suitabilityFloor = 0.02
    /// Factor of the pair picked last (0: never twice running while another pair is usable).
    public var lastPickFactor = 0.0
    /// Picks before the last that still weigh less: the k-th previous pick gets 1 − 0.5^(k−1).
    public var recentWindow = 8
    /// How many records stay in memory.
    public var historyLimit = 20

    public init(mode: PickMode = .weighted) { self.mode = mode }
}

/// Chooses the next pair from a pack. Pure: the time, the audio and the random generator are passed in.
public struct Picker: Sendable {
    public let pairs: [Pair]
    public var configuration: PickerConfiguration
    /// The newest picks, oldest first, at most `historyLimit`.
    public private(set) var history: [PickRecord] = []
    /// Ids of the newest picks, newest last, at most `recentWindow`.
    private var recent: [String] = []

    public init(pairs: [Pair], configuration: PickerConfiguration = .init()) {
        self.pairs = pairs
        self.configuration = configuration
    }

    /// Pairs that can be picked at all (both presets not failed).
    public var usableCount: Int { pairs.reduce(0) { $0 + ($1.isUsable ? 1 : 0) } }

    /// How well a pair of normalised strength `s` suits intensity `i`: a bell of width σ above a small floor.
    public func suitability(strength s: Double, intensity i: Double) -> Double {
        let d = s - min(1, max(0, i))
        let sigma = configuration.suitabilityWidth
        return configuration.suitabilityFloor + (1 - configuration.suitabilityFloor) * exp(-d * d / (2 * sigma * sigma))
    }

    /// Factor for having been picked recently: `lastPickFactor` for the last pick (when another pair is
    /// usable), 1 − 0.5^(k−1) for the k-th previous pick within `recentWindow`, 1 otherwise.
    public func recencyFactor(_ id: String) -> Double {
        guard let idx = recent.lastIndex(of: id) else { return 1 }
        let k = recent.count - idx
        if k == 1 { return usableCount >= 2 ? configuration.lastPickFactor : 1 }
        return 1 - pow(0.5, Double(k - 1))
    }

    /// Every pair's weight for `mode` and `intensity` (0 for excluded pairs).
    public func weights(mode: PickMode, intensity: Double?) -> [Double] {
        pairs.map { p in
            guard p.isUsable else { return 0 }
            let recency = recencyFactor(p.id)
            switch mode {
            case .random:
                return recency > 0 ? 1 : 0
            case .weighted:
                let suit = suitability(strength: p.strength, intensity: intensity ?? 0.5)
                return suit * (0.2 + 0.8 * p.effectiveQuality) * p.presetWeight * recency
            }
        }
    }

    /// Picks a pair at `time`; without an audio snapshot a weighted picker picks at random and says so.
    /// Returns nil only when no pair is usable.
    public mutating func pick(at time: Double, audio: AudioSnapshot?, rng: inout SeededRandom) -> PickRecord? {
        var mode = configuration.mode
        var note: String?
        if mode == .weighted, audio == nil {
            mode = .random
            note = "no audio snapshot: picking at random"
        }
        let w = weights(mode: mode, intensity: audio?.intensity01)
        let total = w.reduce(0, +)
        guard total > 0 else { return nil }
        let u = Double(rng.next() >> 11) * 0x1p-53 * total
        var chosen = w.lastIndex(where: { $0 > 0 }) ?? 0
        var acc = 0.0
        for (i, wi) in w.enumerated() where wi > 0 {
            acc += wi
            if u < acc { chosen = i; break }
        }
        let p = pairs[chosen]
        let alternatives = w.indices.filter { $0 != chosen && w[$0] > 0 }
            .sorted { w[$0] != w[$1] ? w[$0] > w[$1] : pairs[$0].id < pairs[$1].id }
            .prefix(3)
            .map { PickRecord.Alternative(id: pairs[$0].id, weight: w[$0]) }
        let record = PickRecord(
            time: time, mode: mode, pairID: p.id, warpDiff: p.warpDiff, cxDiff: p.cxDiff, strength: p.strength,
            quality01: p.effectiveQuality, scored: p.quality01 != nil, intensity01: audio?.intensity01,
            weight: w[chosen], probability: w[chosen] / total, alternatives: Array(alternatives), note: note)
        recent.append(p.id)
        if recent.count > max(1, configuration.recentWindow) { recent.removeFirst() }
        history.append(record)
        if history.count > configuration.historyLimit { history.removeFirst(history.count - configuration.historyLimit) }
        return record
    }
}
