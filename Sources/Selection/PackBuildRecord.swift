/// How `aivj pairs build` made a pack: inputs, parameters, criteria and counts (the manifest's optional `build`).
public struct PackBuildRecord: Codable, Sendable, Equatable {
    /// What the pack was made from, as given on the command line.
    public struct Inputs: Codable, Sendable, Equatable {
        /// The library folder or `library-manifest.json`.
        public var library: String
        /// The run manifest whose measurements and verdicts were used, if any.
        public var runManifest: String?
    }

    /// The criteria, each in one sentence (the same text as docs/picker.md, "Building a pack").
    public struct Criteria: Codable, Sendable, Equatable {
        public var fg: String
        public var bg: String
        public var pools: String
        public var warpDiff: String
        public var cxDiff: String
        public var strata: String
    }

    /// How many presets and pairs passed each step.
    public struct Counts: Codable, Sendable, Equatable {
        /// Presets in the library index, and files that did not read as presets (never used).
        public var libraryPresets: Int
        public var unreadablePresets: Int
        /// Presets the run manifest marks failed (skipped), and presets with a non-finite `warp` or `cx` (skipped).
        public var failedSkipped: Int
        public var nonFiniteSkipped: Int
        /// With `measuredOnly`: presets the run manifest did not measure (skipped).
        public var unmeasuredSkipped: Int?
        /// Usable presets the run manifest measured (`avgLuma`).
        public var measured: Int
        public var fgCandidates: Int
        public var bgCandidates: Int
        /// FG × BG combinations considered (all of them, or a seeded sample when there are more than `candidateLimit`).
        public var candidatePairs: Int
        /// Strata (cells of the warp_diff × cx_diff grid) holding candidates, and holding picked pairs.
        public var cellsWithCandidates: Int
        public var cellsPicked: Int
        public var pairs: Int
    }

    public var inputs: Inputs
    public var seed: UInt64
    public var requestedCount: Int
    /// Share of the usable presets in each pool.
    public var poolShare: Double
    /// Only presets the run manifest measured were used (`--measured-only`); absent when false.
    public var measuredOnly: Bool?
    public var criteria: Criteria
    public var counts: Counts
    /// Upper edges of the three non-zero strata of each diff (the zero stratum is `diff < 1e-6`).
    public var warpDiffEdges: [Double]
    public var cxDiffEdges: [Double]
}
