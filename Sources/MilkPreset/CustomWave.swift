/// One of a preset's four custom waves (`wavecode_N_*` values and `wave_N_*` code), with MilkDrop 2's defaults.
public struct CustomWave: Sendable, Hashable, Codable {
    public var enabled = false
    public var samples = 512
    public var sep = 0
    public var spectrum = false       // bSpectrum
    public var useDots = false        // bUseDots
    public var drawThick = false      // bDrawThick
    public var additive = false       // bAdditive
    public var scaling: Float = 1
    public var smoothing: Float = 0.5
    public var r: Float = 1
    public var g: Float = 1
    public var b: Float = 1
    public var a: Float = 1
    /// `wave_N_init` code lines.
    public var initCode: [String] = []
    /// `wave_N_per_frame` code lines.
    public var perFrameCode: [String] = []
    /// `wave_N_per_point` code lines.
    public var perPointCode: [String] = []

    /// A disabled wave with MilkDrop 2's defaults.
    public init() {}

    /// The value keys after `wavecode_N_`, in MilkDrop's read and write order.
    static let fields: [PresetField<CustomWave>] = [
        .bool("enabled", \.enabled), .int("samples", \.samples), .int("sep", \.sep),
        .bool("bSpectrum", \.spectrum), .bool("bUseDots", \.useDots), .bool("bDrawThick", \.drawThick),
        .bool("bAdditive", \.additive), .float("scaling", \.scaling), .float("smoothing", \.smoothing),
        .float("r", \.r), .float("g", \.g), .float("b", \.b), .float("a", \.a),
    ]

    /// `fields`' full lower-cased keys for each wave index.
    static let lowercasedKeys = (0..<Preset.waveCount).map { PresetField.lowercasedKeys(fields, prefix: "wavecode_\($0)_") }
}
