/// One of a preset's four custom shapes (`shapecode_N_*` values and `shape_N_*` code), with MilkDrop 2's defaults.
public struct CustomShape: Sendable, Hashable, Codable {
    public var enabled = false
    public var sides = 4
    public var additive = false
    public var thickOutline = false
    public var textured = false
    /// `num_inst`: how many instances are drawn.
    public var instances = 1
    public var x: Float = 0.5
    public var y: Float = 0.5
    public var rad: Float = 0.1
    public var ang: Float = 0
    public var texAng: Float = 0
    public var texZoom: Float = 1
    public var r: Float = 1
    public var g: Float = 0
    public var b: Float = 0
    public var a: Float = 1
    public var r2: Float = 0
    public var g2: Float = 1
    public var b2: Float = 0
    public var a2: Float = 0
    public var borderR: Float = 1
    public var borderG: Float = 1
    public var borderB: Float = 1
    public var borderA: Float = 0.1
    /// `shape_N_init` code lines.
    public var initCode: [String] = []
    /// `shape_N_per_frame` code lines.
    public var perFrameCode: [String] = []

    /// A disabled shape with MilkDrop 2's defaults.
    public init() {}

    /// The value keys after `shapecode_N_`, in MilkDrop's read and write order.
    static let fields: [PresetField<CustomShape>] = [
        .bool("enabled", \.enabled), .int("sides", \.sides), .bool("additive", \.additive),
        .bool("thickOutline", \.thickOutline), .bool("textured", \.textured), .int("num_inst", \.instances),
        .float("x", \.x), .float("y", \.y), .float("rad", \.rad), .float("ang", \.ang),
        .float("tex_ang", \.texAng), .float("tex_zoom", \.texZoom),
        .float("r", \.r), .float("g", \.g), .float("b", \.b), .float("a", \.a),
        .float("r2", \.r2), .float("g2", \.g2), .float("b2", \.b2), .float("a2", \.a2),
        .float("border_r", \.borderR), .float("border_g", \.borderG), .float("border_b", \.borderB),
        .float("border_a", \.borderA),
    ]

    /// `fields`' full lower-cased keys for each shape index.
    static let lowercasedKeys = (0..<Preset.shapeCount).map { PresetField.lowercasedKeys(fields, prefix: "shapecode_\($0)_") }
}
