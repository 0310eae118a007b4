import MilkPreset

/// How well a preset suits the foreground and the background of a pair, each 0…1 (docs/picker.md, "Building").
///
/// - Foreground: a picture that leaves room for a background — figures (custom waves and shapes), fast-fading
///   trails, gentle motion, darkening; with a scan, a dark frame.
/// - Background: a full-field texture — long feedback, strong warp/zoom/rotation, shaders, per-pixel motion,
///   echo; with a scan, a bright and moving frame.
public struct PresetRole: Sendable, Equatable {
    public var fg: Double
    public var bg: Double

    /// Positive: rather a foreground; negative: rather a background.
    public var preference: Double { fg - bg }

    /// Scores from the preset's parsed content alone.
    public static func content(_ e: LibraryEntry) -> PresetRole {
        func v(_ key: String, _ fallback: Double) -> Double {
            guard let x = e.values[key].map(Double.init), x.isFinite else { return fallback }
            return x
        }
        let decay = v("fDecay", 0.98), zoom = v("zoom", 1), rot = v("rot", 0), warp = v("warp", 1)
        let figures = clamp01(Double(e.enabledWaves + e.enabledShapes) / 2)
        let sparse = clamp01((0.99 - decay) / 0.09)
        let movement = clamp01(max(abs(zoom - 1) / 0.08, abs(rot) / 0.1, warp / 3))
        let darken = v("bDarken", 0) != 0 || v("bDarkenCenter", 0) != 0 ? 1.0 : 0
        let fill = clamp01((decay - 0.9) / 0.08)
        let shader = (e.hasWarpShader ? 0.7 : 0) + (e.hasCompShader ? 0.3 : 0)
        let texture = max(e.perPixelLines > 0 ? 1 : 0, clamp01(v("fVideoEchoAlpha", 0) * 2), v("bBrighten", 0) != 0 ? 1 : 0,
                          e.textures.isEmpty ? 0 : 1)
        return PresetRole(fg: 0.4 * figures + 0.3 * sparse + 0.2 * (1 - movement) + 0.1 * darken,
                          bg: 0.3 * fill + 0.3 * movement + 0.2 * shader + 0.2 * texture)
    }

    /// Content scores blended half and half with the scan's picture: `lumaRank`, `motionRank`, `coverageRank` are
    /// the preset's percentile ranks (0…1) of `avgLuma`, `motion` and `coverage` among the library's measured
    /// presets. How full the frame is: the luma rank, or the mean of the luma and coverage ranks when measured.
    public func withScan(lumaRank: Double?, motionRank: Double?, coverageRank: Double? = nil) -> PresetRole {
        guard let l = lumaRank else { return self }
        let m = motionRank ?? 0.5
        let full = coverageRank.map { (l + $0) / 2 } ?? l
        return PresetRole(fg: 0.5 * fg + 0.5 * (1 - full), bg: 0.5 * bg + 0.5 * (full + m) / 2)
    }
}

func clamp01(_ x: Double) -> Double { x.isFinite ? min(1, max(0, x)) : 0 }
