/// How the compositor shows the two layers.
public enum CouplingMode: String, Codable, Sendable, CaseIterable {
    /// The 3D scene: parallax, depth of field, luminance key.
    case on
    /// The flat 2D mix: FG keyed over BG by luminance, no camera, no blur.
    case off
    /// The 3D scene with what drives it drawn over it: depth, focus, key mask, plane outlines.
    case debug
}

/// The compositor's settings, a value the config file, the command line and live keys all edit.
///
/// Every amount is clamped to 0…1 when used (`clamped`), so a bad config value cannot break the picture.
public struct CouplingParameters: Codable, Sendable, Equatable {
    public var mode: CouplingMode = .on
    /// 0 = exactly the flat 2D mix, 1 = the full 3D effect; scales depth gap, camera motion, crop and blur.
    public var strength = 0.8
    /// Camera sway and beat push, 0…1.
    public var parallax = 0.6
    /// Depth-of-field blur, 0…1 (1 = up to `maxBlurPixels` on the plane farthest from focus).
    public var dof = 0.5
    /// Where focus sits when it does not follow the music: 0 = FG plane, 1 = BG plane.
    public var focus = 0.0
    /// Focus moves with the music: loud passages focus on the FG, calm ones drift towards the BG.
    public var focusFollowsMusic = true
    /// The luminance key's soft edge: FG luma below `keyLow` is transparent, above `keyHigh` opaque.
    public var keyLow = 0.06
    public var keyHigh = 0.30

    public init(mode: CouplingMode = .on, strength: Double = 0.8, parallax: Double = 0.6, dof: Double = 0.5) {
        self.mode = mode
        self.strength = strength
        self.parallax = parallax
        self.dof = dof
    }

    /// The same settings with every amount inside its range (non-finite values become the defaults).
    public var clamped: CouplingParameters {
        func unit(_ value: Double, _ fallback: Double) -> Double { value.isFinite ? min(max(value, 0), 1) : fallback }
        var result = self
        result.strength = unit(strength, 0.8)
        result.parallax = unit(parallax, 0.6)
        result.dof = unit(dof, 0.5)
        result.focus = unit(focus, 0)
        result.keyLow = unit(keyLow, 0.06)
        result.keyHigh = max(unit(keyHigh, 0.30), result.keyLow + 1e-3)
        return result
    }
}

/// What moves the scene in one frame: injected time and audio features only, so a recording is reproducible.
public struct CouplingMotion: Sendable, Equatable {
    /// Seconds on the show's clock (`frame / fps` when recording).
    public var time: Double
    /// 1 on a beat, decaying to 0 (AudioAnalysis `beatPulse01`).
    public var beatPulse01: Double
    /// The music's smoothed intensity 0…1 (AudioAnalysis `intensity01`).
    public var intensity01: Double

    public init(time: Double, beatPulse01: Double = 0, intensity01: Double = 0.5) {
        self.time = time
        self.beatPulse01 = beatPulse01
        self.intensity01 = intensity01
    }
}
