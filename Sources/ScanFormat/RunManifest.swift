/// The scan's per-preset verdicts (`run-manifest.json`), read by the picker and written by `aivj scan`.
///
/// Format version 0: the provisional fields (`path`, `status`, `tier`, `avgLuma`, `motion`, `reasons`) keep their
/// meaning; everything the scan added is optional, so the picker's older files still read. See docs/formats.md.
public struct RunManifest: Codable, Sendable, Equatable {
    public static let formatName = "aivj-run-manifest"

    public var format: String
    public var formatVersion: Int
    /// How the scan was made: tool, version, inputs, time.
    public var made: ScanProvenance?
    /// The rendering and robustness parameters the scan ran with.
    public var parameters: ScanParameters?
    /// The thresholds the verdicts and tiers were taken with.
    public var thresholds: ScanThresholds?
    /// Counts and gates.
    public var summary: ScanSummary?
    /// One entry per scanned preset, sorted by `path` (UTF-8 byte order).
    public var presets: [RunManifestEntry]

    public init(presets: [RunManifestEntry], made: ScanProvenance? = nil, parameters: ScanParameters? = nil,
                thresholds: ScanThresholds? = nil, summary: ScanSummary? = nil) {
        format = Self.formatName
        formatVersion = 0
        self.made = made
        self.parameters = parameters
        self.thresholds = thresholds
        self.summary = summary
        self.presets = presets
    }
}

/// One preset's scan result.
public struct RunManifestEntry: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case ok, failed }
    /// `strict` = Tier 1 (renders well), `dark` = Tier 2 (renders, but dark or sparse).
    public enum Tier: String, Codable, Sendable { case strict, dark }

    /// Path relative to the library root, as the pack's `fg`/`bg` write it.
    public var path: String
    public var status: Status
    public var tier: Tier?
    /// Mean Rec. 601 luma of the captured frames, 0…1.
    public var avgLuma: Double?
    /// Mean absolute difference between consecutive captures, 0…1 (absent with fewer than two captures).
    public var motion: Double?
    /// Why the preset failed or was tiered `dark`: tokens from `ScanReason`.
    public var reasons: [String]?
    /// FNV-1a 64 of the file's bytes, as `library-manifest.json`'s `id`.
    public var id: String?
    /// Mean share of pixels brighter than the coverage threshold over the captures, 0…1.
    public var coverage: Double?
    /// SHA-1 (hex) of the first captured frame's RGB bytes at the output size.
    public var firstFrameSHA1: String?
    /// Frames written for this preset (its lines in `frames-index.jsonl`).
    public var frames: Int?
    /// One line with the error behind `parse-error`, `render-error`, `crash` or `timeout`.
    public var detail: String?
    /// How long it took; not part of the result (a merge or a resume may change it).
    public var timing: ScanTiming?

    public init(path: String, status: Status, tier: Tier? = nil, avgLuma: Double? = nil, motion: Double? = nil,
                reasons: [String]? = nil) {
        self.path = path; self.status = status; self.tier = tier
        self.avgLuma = avgLuma; self.motion = motion; self.reasons = reasons
    }
}

/// Timings of one preset.
public struct ScanTiming: Codable, Sendable, Equatable {
    /// Attempts made (1 + retries used).
    public var attempts: Int
    /// Wall time of the last attempt in the worker: parse, render, encode, write.
    public var seconds: Double
    /// The render loop alone, as `aivj render` times it.
    public var renderSeconds: Double?

    public init(attempts: Int, seconds: Double, renderSeconds: Double? = nil) {
        self.attempts = attempts; self.seconds = seconds; self.renderSeconds = renderSeconds
    }
}

/// How a scan was made: enough to reproduce it.
public struct ScanProvenance: Codable, Sendable, Equatable {
    /// `"aivj scan"` or `"aivj scan merge"`.
    public var tool: String
    /// The AIVJ version that wrote the file.
    public var version: String
    /// The library folder or manifest scanned (as given, made absolute).
    public var library: String
    /// Presets in the library before sharding.
    public var libraryPresets: Int
    /// The shard this scan covered; absent for a whole library (and after a merge).
    public var shard: ScanShard?
    /// The renderer the driver reported (e.g. `llvmpipe (LLVM 15.0.6, 256 bits)`).
    public var renderer: String?
    /// ISO 8601 time the scan finished; not part of the result.
    public var created: String?

    public init(tool: String, version: String, library: String, libraryPresets: Int, shard: ScanShard? = nil,
                renderer: String? = nil, created: String? = nil) {
        self.tool = tool; self.version = version; self.library = library; self.libraryPresets = libraryPresets
        self.shard = shard; self.renderer = renderer; self.created = created
    }
}

/// Shard `index` of `count` (0-based, as Slurm array and Kubernetes indexed-job indices are).
public struct ScanShard: Codable, Sendable, Equatable, Hashable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) { self.index = index; self.count = count }
}
