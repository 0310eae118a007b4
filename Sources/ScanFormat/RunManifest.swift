/// The scan's per-preset verdicts (`run-manifest.json`), read by the picker and written by `aivj scan`.
///
/// **Provisional shape**: the library scan (issue 7) extends it; see docs/formats.md.
public struct RunManifest: Codable, Sendable, Equatable {
    public static let formatName = "aivj-run-manifest"

    public var format: String
    public var formatVersion: Int
    public var presets: [RunManifestEntry]

    public init(presets: [RunManifestEntry]) {
        format = Self.formatName
        formatVersion = 0
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
    public var avgLuma: Double?
    public var motion: Double?
    public var reasons: [String]?

    public init(path: String, status: Status, tier: Tier? = nil, avgLuma: Double? = nil, motion: Double? = nil, reasons: [String]? = nil) {
        self.path = path; self.status = status; self.tier = tier
        self.avgLuma = avgLuma; self.motion = motion; self.reasons = reasons
    }
}
