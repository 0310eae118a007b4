import Selection

/// The settings of `aivj live` that persist in `config.toml`: what plays, where, and how it looks.
///
/// Command-line flags override them for one run; live keys change them and the change is saved.
public struct ShowConfig: Sendable, Equatable {
    /// The pair pack folder (nil: the pack shipped in `presets/pack/`).
    public var pack: String?
    /// The preset library the pack's paths are relative to (nil: Debian's projectm-data when installed).
    public var library: String?
    /// ALSA capture device (used when `audio` is nil).
    public var device = "default"
    /// An audio file, `synth` or `silence` instead of a device.
    public var audio: String?
    public var width = 1280
    public var height = 720
    public var fullscreen = false
    /// The display (SDL index from 0) the window opens on.
    public var display = 0
    public var hud = false
    public var pickMode: PickMode = .weighted
    /// `on`, `off` or `debug` (Coupling's modes).
    public var couplingMode = "on"
    public var strength = 0.8
    public var parallax = 0.6
    public var dof = 0.5
    /// The BG layer's internal scale 0.25…1 (`ShowConfiguration.backgroundScale`; read when the show starts).
    public var bgScale = ShowConfiguration.defaultBackgroundScale
    /// A pair plays at least this long before a beat may change it, and at most `maximumDwell` seconds.
    public var minimumDwell = 12.0
    public var maximumDwell = 40.0

    public init() {}

    /// The coupling modes a config or a key may choose, in the order the key cycles them.
    public static let couplingModes = ["on", "off", "debug"]
}

/// Flags given on the command line: each one set overrides the config for this run only.
public struct ShowConfigOverrides: Sendable, Equatable {
    public var pack: String?
    public var library: String?
    public var device: String?
    public var audio: String?
    public var width: Int?
    public var height: Int?
    public var fullscreen: Bool?
    public var display: Int?
    public var hud: Bool?
    public var pickMode: PickMode?
    public var couplingMode: String?
    public var strength: Double?
    public var parallax: Double?
    public var dof: Double?
    public var bgScale: Double?

    public init() {}
}

extension ShowConfig {
    /// This config with every flag that was given put over it; `--device` clears a configured audio file,
    /// so the last word on the source is the command line's.
    public func overridden(by flags: ShowConfigOverrides) -> ShowConfig {
        var result = self
        if let pack = flags.pack { result.pack = pack }
        if let library = flags.library { result.library = library }
        if let device = flags.device { result.device = device; result.audio = nil }
        if let audio = flags.audio { result.audio = audio }
        if let width = flags.width { result.width = width }
        if let height = flags.height { result.height = height }
        if let fullscreen = flags.fullscreen { result.fullscreen = fullscreen }
        if let display = flags.display { result.display = display }
        if let hud = flags.hud { result.hud = hud }
        if let pickMode = flags.pickMode { result.pickMode = pickMode }
        if let mode = flags.couplingMode { result.couplingMode = mode }
        if let strength = flags.strength { result.strength = strength }
        if let parallax = flags.parallax { result.parallax = parallax }
        if let dof = flags.dof { result.dof = dof }
        if let bgScale = flags.bgScale { result.bgScale = bgScale }
        return result
    }

    /// Checks every value a flag or the file may have set; throws naming the first bad one.
    public func validated() throws -> ShowConfig {
        guard (16...8192).contains(width), (16...8192).contains(height) else {
            throw LiveShowError.badSetting(name: "size", value: "\(width)x\(height)", reason: "each side must be 16…8192")
        }
        guard display >= 0 else {
            throw LiveShowError.badSetting(name: "display", value: "\(display)", reason: "must be 0 or more")
        }
        guard Self.couplingModes.contains(couplingMode) else {
            throw LiveShowError.badSetting(name: "coupling3d", value: couplingMode, reason: "must be on, off or debug")
        }
        for (name, value) in [("strength", strength), ("parallax", parallax), ("dof", dof)] {
            guard value.isFinite, (0...1).contains(value) else {
                throw LiveShowError.badSetting(name: name, value: "\(value)", reason: "must be 0…1")
            }
        }
        guard bgScale.isFinite, (0.25...1).contains(bgScale) else {
            throw LiveShowError.badSetting(name: "bg_scale", value: "\(bgScale)", reason: "must be 0.25…1")
        }
        guard minimumDwell.isFinite, minimumDwell >= 0, maximumDwell.isFinite, maximumDwell >= minimumDwell else {
            throw LiveShowError.badSetting(name: "dwell", value: "\(minimumDwell)…\(maximumDwell)",
                                           reason: "need 0 ≤ min_dwell ≤ max_dwell seconds")
        }
        return self
    }
}

/// Parses `1280x720` into a width and a height.
public func parseShowSize(_ text: String) throws -> (width: Int, height: Int) {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
          (16...8192).contains(width), (16...8192).contains(height) else {
        throw LiveShowError.badSetting(name: "size", value: text, reason: "expected WIDTHxHEIGHT, each 16…8192, e.g. 1280x720")
    }
    return (width, height)
}
