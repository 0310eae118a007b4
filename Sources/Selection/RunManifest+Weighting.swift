import ScanFormat

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
