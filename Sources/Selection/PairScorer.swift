/// Scores a pack's pairs from a scan's measurements of their presets: `aivj pairs score` (docs/picker.md, "Scoring").
///
/// ```
/// balance  = clamp((L_bg − L_fg + 0.1) / 0.4)            BG brighter than FG
/// motion   = 0.6 · rank(M_bg) + 0.4 · rank(M_fg)         ranks 0…1 among the scan's usable presets
/// sparsity = clamp(1 − C_fg / 0.5)  (C = coverage; without it clamp(1 − L_fg / 0.5))   a sparse FG leaves room
/// tier     = t_bg · t_fg    t_bg: strict 1, dark 0.6, none 0.85;  t_fg: strict 1, dark 0.9, none 0.85
/// quality01 = tier · (0.4 · balance + 0.3 · motion + 0.3 · sparsity), rounded to 4 decimals
/// ```
/// A failed preset makes the pair 0; a preset the scan did not measure (`avgLuma`) leaves the pair unscored.
public enum PairScorer {
    /// A standard deviation below this means the score says nothing: reported as an error, not written.
    public static let minimumStd = 0.01

    public static let method = "quality01 = tier · (0.4·balance + 0.3·motion + 0.3·sparsity); balance = clamp((L_bg − L_fg + 0.1)/0.4), motion = 0.6·rank(M_bg) + 0.4·rank(M_fg), sparsity = clamp(1 − C_fg/0.5) with C = coverage (clamp(1 − L_fg/0.5) when the scan has no coverage), tier = t_bg·t_fg (bg strict 1/dark 0.6/none 0.85, fg strict 1/dark 0.9/none 0.85); L = avgLuma, M = motion from the scan's run-manifest.json; failed preset → 0 (docs/picker.md)"

    /// The parts of one pair's score, for tests and the worked example.
    public struct Parts: Sendable, Equatable {
        public var balance, motion, sparsity, tier, quality01: Double
    }

    /// The parts of a pair's score; nil when a preset was not measured.
    public static func parts(fg: PresetMeasure, bg: PresetMeasure, fgMotionRank: Double, bgMotionRank: Double) -> Parts? {
        if fg.failed || bg.failed { return Parts(balance: 0, motion: 0, sparsity: 0, tier: 0, quality01: 0) }
        guard let lf = fg.avgLuma, let lb = bg.avgLuma else { return nil }
        let balance = clamp01((lb - lf + 0.1) / 0.4)
        let motion = 0.6 * bgMotionRank + 0.4 * fgMotionRank
        let sparsity = clamp01(1 - (fg.coverage ?? lf) / 0.5)
        let tbg = bg.tier == "strict" ? 1 : bg.tier == "dark" ? 0.6 : 0.85
        let tfg = fg.tier == "strict" ? 1 : fg.tier == "dark" ? 0.9 : 0.85
        let q = tbg * tfg * (0.4 * balance + 0.3 * motion + 0.3 * sparsity)
        return Parts(balance: balance, motion: motion, sparsity: sparsity, tier: tbg * tfg, quality01: (q * 1e4).rounded() / 1e4)
    }

    /// Scores every pair of `manifest` whose presets the scan measured.
    /// - Returns: the quality file and the ids left unscored; throws when the scores are (nearly) constant.
    public static func score(_ manifest: PairsManifest, scan: ScanMetrics, scanSource: String,
                             file: String) throws(SelectionError) -> (quality: PairsQuality, unscored: [String]) {
        let usable = scan.byPath.filter { !$0.value.failed }.sorted { $0.key < $1.key }
        let ranks = PairBuilder.ranks(usable.map { $0.value.motion })
        var motionRank: [String: Double] = [:]
        for (i, item) in usable.enumerated() { motionRank[item.key] = ranks[i] ?? 0.5 }
        var quality: [String: Double] = [:]
        var unscored: [String] = []
        for p in manifest.pairs {
            guard let fg = scan[p.fg], let bg = scan[p.bg],
                  let parts = parts(fg: fg, bg: bg, fgMotionRank: motionRank[p.fg] ?? 0.5, bgMotionRank: motionRank[p.bg] ?? 0.5)
            else { unscored.append(p.id); continue }
            quality[p.id] = parts.quality01
        }
        var result = PairsQuality(made: PackProvenance(tool: "aivj pairs score", source: scanSource, method: method), quality: quality)
        result.qualityStats.method = method
        if result.qualityStats.count < 2 || result.qualityStats.std < minimumStd {
            throw .degenerateScores(file: file, std: result.qualityStats.std, count: result.qualityStats.count)
        }
        return (result, unscored)
    }
}
