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

    /// Sets every pair's `strength`: the mean of `warp_diff` and `cx_diff`, each min–max normalised over `pairs`
    /// (a diff that is the same for every pair counts 0.5).
    public static func normaliseStrengths(_ pairs: inout [Pair]) {
        func scale(_ values: [Double]) -> (Double) -> Double {
            guard let lo = values.min(), let hi = values.max(), hi > lo else { return { _ in 0.5 } }
            return { ($0 - lo) / (hi - lo) }
        }
        let w = scale(pairs.map(\.warpDiff)), c = scale(pairs.map(\.cxDiff))
        for i in pairs.indices { pairs[i].strength = (w(pairs[i].warpDiff) + c(pairs[i].cxDiff)) / 2 }
    }
}
