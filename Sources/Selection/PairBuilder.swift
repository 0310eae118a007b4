import Determinism
import MilkPreset

/// Builds a pack's pairs from a library (and optionally a scan): `aivj pairs build` (docs/picker.md, "Building a pack").
///
/// Pure and deterministic: the same library, measurements, count and seed give the same manifest.
public struct PairBuilder: Sendable {
    /// Default share of the usable presets in each pool: the most foreground-like ones, and the most background-like ones.
    public static let defaultPoolShare = 0.4
    /// At most this many FG × BG combinations are considered (a seeded sample when there are more).
    public static let candidateLimit = 60_000
    /// Non-zero strata per diff (plus one for "equal").
    public static let strataPerDiff = 3

    public var count: Int
    public var seed: UInt64
    /// Share of the usable presets in each pool (0 < share ≤ 0.5); 0.5 uses every preset (a small curated library).
    public var poolShare: Double
    /// Use only presets the run manifest measured (`avgLuma` present), e.g. when the scan covered part of the library.
    public var measuredOnly: Bool

    public init(count: Int, seed: UInt64, poolShare: Double = PairBuilder.defaultPoolShare, measuredOnly: Bool = false) {
        self.count = count
        self.seed = seed
        self.poolShare = poolShare
        self.measuredOnly = measuredOnly
    }

    static let criteria = PackBuildRecord.Criteria(
        fg: "content 0.4·figures (custom waves+shapes, /2) + 0.3·sparse ((0.99 − fDecay)/0.09) + 0.2·(1 − movement) + 0.1·darken; with a scan, half content, half (1 − fullness rank), fullness = avgLuma rank (mean with the coverage rank when measured)",
        bg: "content 0.3·fill ((fDecay − 0.9)/0.08) + 0.3·movement (max of |zoom−1|/0.08, |rot|/0.1, warp/3) + 0.2·shaders + 0.2·texture (per-pixel code, echo, brighten, disk textures); with a scan, half content, half the mean of the fullness and motion ranks",
        pools: "presets failed in the run manifest or with non-finite warp/cx are skipped; sorted by fg − bg, the top poolShare (default 40 %) are FG candidates, the bottom poolShare BG candidates",
        warpDiff: "|warp(fg) − warp(bg)|, the base values before per-frame code, rounded to 6 decimals",
        cxDiff: "|cx(fg) − cx(bg)|, the base values before per-frame code, rounded to 6 decimals",
        strata: "each diff in 4 strata: 0, then three equal-width bins up to the 95th percentile of the non-zero candidate diffs (above it: the last); pairs are taken round-robin over the 16 cells, shuffled within a cell, each preset used at most a few times")

    /// One usable preset with its role scores and base values.
    struct Candidate {
        var entry: LibraryEntry
        var role: PresetRole
        var warp: Double
        var cx: Double
    }

    /// The pack's manifest; `library.root` becomes `libraryRoot` as given by `libraryRoot` (relative or absolute).
    public func build(library: PresetLibrary, scan: ScanMetrics?, runManifestPath: String?,
                      libraryRoot: String) throws(SelectionError) -> PairsManifest {
        guard count > 0 else { throw .buildImpossible(source: library.source, reason: "--count must be positive") }
        guard poolShare > 0, poolShare <= 0.5 else { throw .buildImpossible(source: library.source, reason: "pool share must be in (0, 0.5]") }
        var failed = 0, nonFinite = 0, unmeasured = 0
        var usable: [LibraryEntry] = []
        for e in library.entries {
            if scan?[e.path]?.failed == true { failed += 1; continue }
            if measuredOnly, scan?[e.path]?.avgLuma == nil { unmeasured += 1; continue }
            guard let w = e.values["warp"], let c = e.values["cx"], w.isFinite, c.isFinite else { nonFinite += 1; continue }
            usable.append(e)
        }
        let lumaRank = Self.ranks(usable.map { scan?[$0.path]?.avgLuma })
        let motionRank = Self.ranks(usable.map { scan?[$0.path]?.motion })
        let coverageRank = Self.ranks(usable.map { scan?[$0.path]?.coverage })
        var candidates = usable.indices.map { i in
            Candidate(entry: usable[i], role: PresetRole.content(usable[i]).withScan(lumaRank: lumaRank[i], motionRank: motionRank[i],
                                                                                 coverageRank: coverageRank[i]),
                      warp: Double(usable[i].values["warp"] ?? 1), cx: Double(usable[i].values["cx"] ?? 0.5))
        }
        candidates.sort { $0.role.preference != $1.role.preference ? $0.role.preference > $1.role.preference : $0.entry.path < $1.entry.path }
        let poolSize = Int((Double(candidates.count) * poolShare).rounded(.up))
        guard candidates.count >= 2, poolSize >= 1 else {
            throw .buildImpossible(source: library.source, reason: "\(candidates.count) usable presets, need at least 2")
        }
        let fgPool = Array(candidates.prefix(poolSize))
        let bgPool = Array(candidates.suffix(min(poolSize, candidates.count - poolSize)))
        var rng = SeededRandom(seed: seed)
        let combos = Self.combinations(fg: fgPool.count, bg: bgPool.count, limit: Self.candidateLimit, rng: &rng)
        let warpDiffs = combos.map { Self.rounded(abs(fgPool[$0.0].warp - bgPool[$0.1].warp)) }
        let cxDiffs = combos.map { Self.rounded(abs(fgPool[$0.0].cx - bgPool[$0.1].cx)) }
        let warpEdges = Self.edges(warpDiffs), cxEdges = Self.edges(cxDiffs)
        let cellCount = (Self.strataPerDiff + 1) * (Self.strataPerDiff + 1)
        var cells = [[Int]](repeating: [], count: cellCount)
        for k in combos.indices {
            cells[Self.stratum(warpDiffs[k], warpEdges) * (Self.strataPerDiff + 1) + Self.stratum(cxDiffs[k], cxEdges)].append(k)
        }
        for i in cells.indices { Self.shuffle(&cells[i], rng: &rng) }
        let chosen = Self.roundRobin(cells: cells, combos: combos, count: count,
                                     maxUses: max(2, Int((3 * Double(count) / Double(min(fgPool.count, bgPool.count))).rounded(.up))))
        guard !chosen.isEmpty else { throw .buildImpossible(source: library.source, reason: "no FG/BG combination") }
        var pairs: [PairEntry] = []
        var ids = Set<String>()
        var picked = Set<Int>()
        for (k, cell) in chosen {
            let fg = fgPool[combos[k].0].entry, bg = bgPool[combos[k].1].entry
            var hasher = FNV1a64()
            hasher.update(Array(fg.path.utf8) + [0] + Array(bg.path.utf8))
            let id = "p" + hasher.hex.prefix(12)
            guard ids.insert(id).inserted else { continue }
            picked.insert(cell)
            let w = cell / (Self.strataPerDiff + 1), c = cell % (Self.strataPerDiff + 1)
            pairs.append(PairEntry(id: id, fg: fg.path, bg: bg.path, warpDiff: warpDiffs[k], cxDiff: cxDiffs[k],
                                   fgID: fg.id, bgID: bg.id, name: "\(fg.name) / \(bg.name)", tags: ["stratum w\(w) c\(c)"]))
        }
        let counts = PackBuildRecord.Counts(
            libraryPresets: library.entries.count, unreadablePresets: library.unreadable, failedSkipped: failed,
            nonFiniteSkipped: nonFinite, unmeasuredSkipped: measuredOnly ? unmeasured : nil, measured: lumaRank.compactMap { $0 }.count, fgCandidates: fgPool.count,
            bgCandidates: bgPool.count, candidatePairs: combos.count, cellsWithCandidates: cells.filter { !$0.isEmpty }.count,
            cellsPicked: picked.count, pairs: pairs.count)
        let record = PackBuildRecord(
            inputs: .init(library: library.source, runManifest: runManifestPath), seed: seed, requestedCount: count, poolShare: poolShare,
            measuredOnly: measuredOnly ? true : nil,
            criteria: Self.criteria, counts: counts, warpDiffEdges: warpEdges, cxDiffEdges: cxEdges)
        let method = "FG/BG pools by content" + (scan == nil ? "" : " and scan") + ", pairs stratified over warp_diff × cx_diff"
        return PairsManifest(libraryRoot: libraryRoot,
                             made: PackProvenance(tool: "aivj pairs build", source: library.source, seed: seed, method: method),
                             build: record, pairs: pairs)
    }

    /// Percentile ranks 0…1 of the present values (ties share their mean rank); nil where the value is absent.
    static func ranks(_ values: [Double?]) -> [Double?] {
        let present = values.indices.filter { values[$0] != nil }
        guard present.count > 1 else { return values.map { $0 == nil ? nil : 0.5 } }
        let r = RankCorrelation.ranks(present.map { values[$0] ?? 0 })
        var out = [Double?](repeating: nil, count: values.count)
        for (j, i) in present.enumerated() { out[i] = (r[j] - 1) / Double(present.count - 1) }
        return out
    }

    /// Every (fg, bg) index pair in order when there are at most `limit`, else `limit` distinct ones drawn with `rng`.
    static func combinations(fg: Int, bg: Int, limit: Int, rng: inout SeededRandom) -> [(Int, Int)] {
        guard fg > 0, bg > 0 else { return [] }
        if fg * bg <= limit { return (0..<fg).flatMap { f in (0..<bg).map { (f, $0) } } }
        var seen = Set<Int>()
        var out: [(Int, Int)] = []
        while out.count < limit {
            let f = Int(rng.next() % UInt64(fg)), b = Int(rng.next() % UInt64(bg))
            if seen.insert(f * bg + b).inserted { out.append((f, b)) }
        }
        return out
    }

    /// Upper edges of the non-zero strata: equal widths up to the 95th percentile of the non-zero diffs.
    static func edges(_ diffs: [Double]) -> [Double] {
        let nonZero = diffs.filter { $0 >= 1e-6 }.sorted()
        guard !nonZero.isEmpty else { return Array(repeating: 0, count: strataPerDiff) }
        let top = nonZero[min(nonZero.count - 1, Int((0.95 * Double(nonZero.count)).rounded(.up)) - 1)]
        return (1...strataPerDiff).map { rounded(top * Double($0) / Double(strataPerDiff)) }
    }

    /// 0 for an equal pair (diff < 1e-6), else the first stratum whose edge is not below the diff (the last above all).
    static func stratum(_ diff: Double, _ edges: [Double]) -> Int {
        guard diff >= 1e-6 else { return 0 }
        return 1 + (edges.firstIndex { diff <= $0 } ?? edges.count - 1)
    }

    /// Takes one candidate per non-empty cell in turn until `count`: in each cell the first (in shuffled order) whose
    /// presets are used fewer than `maxUses` times; when a whole round takes nothing, the limit rises by one.
    /// Returns (candidate, cell) in the order taken.
    static func roundRobin(cells: [[Int]], combos: [(Int, Int)], count: Int, maxUses: Int) -> [(Int, Int)] {
        var cells = cells
        var fgUses: [Int: Int] = [:], bgUses: [Int: Int] = [:]
        var limit = maxUses
        var out: [(Int, Int)] = []
        while out.count < count, cells.contains(where: { !$0.isEmpty }) {
            var took = false
            for cell in cells.indices where out.count < count {
                guard let j = cells[cell].firstIndex(where: { k in
                    fgUses[combos[k].0, default: 0] < limit && bgUses[combos[k].1, default: 0] < limit
                }) else { continue }
                let k = cells[cell].remove(at: j)
                fgUses[combos[k].0, default: 0] += 1
                bgUses[combos[k].1, default: 0] += 1
                out.append((k, cell))
                took = true
            }
            if !took { limit += 1 }
        }
        return out
    }

    /// Fisher–Yates with the seeded generator.
    static func shuffle(_ a: inout [Int], rng: inout SeededRandom) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
    }

    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
