/// A pair ready for the picker: the manifest entry merged with its quality and the presets' scan weights.
public struct Pair: Sendable, Equatable {
    public var id: String
    /// Paths as the manifest writes them, and as resolved inside the roots.
    public var fg: String
    public var bg: String
    public var fgFile: String
    public var bgFile: String
    public var warpDiff: Double
    public var cxDiff: Double
    /// The score from `pairs-quality.v0.json`, nil when the pair is unscored (the picker then uses `neutralQuality`).
    public var quality01: Double?
    /// Product of both presets' run-manifest weights: 0 excludes the pair.
    public var presetWeight: Double
    /// Diff strength normalised over the pack, 0 (gentlest) … 1 (most contrasting); see docs/picker.md.
    public var strength: Double

    /// The score an unscored pair is treated as.
    public static let neutralQuality = 0.5

    public var effectiveQuality: Double { quality01 ?? Self.neutralQuality }
    public var isUsable: Bool { presetWeight > 0 }

    public init(id: String, fg: String, bg: String, fgFile: String? = nil, bgFile: String? = nil,
                warpDiff: Double, cxDiff: Double, quality01: Double? = nil, presetWeight: Double = 1, strength: Double = 0) {
        self.id = id; self.fg = fg; self.bg = bg
        self.fgFile = fgFile ?? fg; self.bgFile = bgFile ?? bg
        self.warpDiff = warpDiff; self.cxDiff = cxDiff
        self.quality01 = quality01; self.presetWeight = presetWeight; self.strength = strength
    }

    /// Sets every pair's `strength`: the mean of `warp_diff`'s and `cx_diff`'s percentile ranks over `pairs`,
    /// each `(rank − 1) / (n − 1)` with tied values sharing their mean rank (0.5 for a single pair).
    ///
    /// Ranks rather than min–max scaling because real diffs are skewed (most `cx_diff` are 0, a few are large):
    /// min–max would squeeze nearly every pair to one end, ranks spread them over 0…1.
    public static func normaliseStrengths(_ pairs: inout [Pair]) {
        func percentiles(_ values: [Double]) -> [Double] {
            guard values.count > 1 else { return values.map { _ in 0.5 } }
            return RankCorrelation.ranks(values).map { ($0 - 1) / Double(values.count - 1) }
        }
        let w = percentiles(pairs.map(\.warpDiff)), c = percentiles(pairs.map(\.cxDiff))
        for i in pairs.indices { pairs[i].strength = (w[i] + c[i]) / 2 }
    }
}
