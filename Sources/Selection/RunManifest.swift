/// The scan's per-preset verdicts as the picker needs them. **Provisional**: the library scan (issue 7) owns
/// `run-manifest.json`; this is the minimal shape from the brief, to be replaced by the scan's own type.
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

/// Anything that turns a preset path into a weight factor: 0 excludes the preset, 1 is neutral.
public protocol PresetWeighting: Sendable {
    func weight(forPreset path: String) -> Double
}

/// Every preset weighs 1 (no scan yet).
public struct NeutralWeighting: PresetWeighting {
    public init() {}
    public func weight(forPreset path: String) -> Double { 1 }
}

extension RunManifest: PresetWeighting {
    /// Weight of a `dark` (Tier 2) preset.
    public static let darkWeight = 0.4

    /// `failed` → 0 (excluded), `dark` → 0.4, `ok`/`strict` or not listed → 1.
    public func weight(forPreset path: String) -> Double {
        guard let entry = presets.last(where: { $0.path == path }) else { return 1 }
        if entry.status == .failed { return 0 }
        return entry.tier == .dark ? Self.darkWeight : 1
    }
}
