/// A MilkDrop preset (`.milk` file) as a value: header, base values, code, custom waves and shapes, shaders, and the
/// keys MilkDrop does not read, kept in order so they can be written back.
///
/// Equality compares the content only, not `notes` (how the file was found to be written).
public struct Preset: Sendable, Equatable, Codable {
    /// Custom waves and shapes a MilkDrop 2 preset holds.
    public static let waveCount = 4
    public static let shapeCount = 4

    /// The display name: the file name without its extension.
    public var name: String
    public var header: PresetHeader
    public var base: BaseValues
    public var perFrameInitCode: [String]
    public var perFrameCode: [String]
    public var perPixelCode: [String]
    /// Always `waveCount` waves.
    public var waves: [CustomWave]
    /// Always `shapeCount` shapes.
    public var shapes: [CustomShape]
    /// The HLSL warp shader's lines (`warp_1`, `warp_2` … with the leading backtick removed); empty when absent.
    public var warpShader: [String]
    /// The HLSL composite shader's lines (`comp_N`); empty when absent.
    public var compShader: [String]
    /// Lines MilkDrop does not read, in file order: unknown keys, repeats of a key (only the first counts), and
    /// numbered code lines after a gap in the numbering.
    public var extraEntries: [PresetEntry]
    /// How the file was written (encoding, BOM, NULs …); not part of equality.
    public var notes: ReadingNotes

    /// An empty preset with MilkDrop 2's defaults.
    public init(name: String) {
        self.name = name
        header = PresetHeader()
        base = BaseValues()
        perFrameInitCode = []
        perFrameCode = []
        perPixelCode = []
        waves = Array(repeating: CustomWave(), count: Self.waveCount)
        shapes = Array(repeating: CustomShape(), count: Self.shapeCount)
        warpShader = []
        compShader = []
        extraEntries = []
        notes = ReadingNotes()
    }

    /// The warp shader as one text, lines joined by newlines (empty when the preset has none).
    public var warpShaderText: String { warpShader.joined(separator: "\n") }
    /// The composite shader as one text (empty when the preset has none).
    public var compShaderText: String { compShader.joined(separator: "\n") }
    /// The disk textures the warp and comp shaders sample (built-ins left out), as MilkDrop resolves their names.
    public var textureReferences: [TextureReference] {
        TextureReference.references(in: warpShaderText + "\n" + compShaderText)
    }
    /// Whether the preset carries a MilkDrop 2 warp shader.
    public var hasWarpShader: Bool { !warpShader.isEmpty }
    /// Whether the preset carries a MilkDrop 2 composite shader.
    public var hasCompShader: Bool { !compShader.isEmpty }

    /// The code blocks that have at least one line, in the order per_frame_init, per_frame, per_pixel, then waves 0…3
    /// (init, per_frame, per_point), then shapes 0…3 (init, per_frame).
    public var codeBlocks: [CodeBlock] {
        CodeBlockKind.all.compactMap { kind in
            let lines = code(kind)
            return lines.isEmpty ? nil : CodeBlock(kind: kind, lines: lines)
        }
    }

    /// The lines of one code block (empty when the preset has none, or the index is out of range).
    public func code(_ kind: CodeBlockKind) -> [String] {
        switch kind {
        case .perFrameInit: return perFrameInitCode
        case .perFrame: return perFrameCode
        case .perPixel: return perPixelCode
        case let .waveInit(i): return waves.indices.contains(i) ? waves[i].initCode : []
        case let .wavePerFrame(i): return waves.indices.contains(i) ? waves[i].perFrameCode : []
        case let .wavePerPoint(i): return waves.indices.contains(i) ? waves[i].perPointCode : []
        case let .shapeInit(i): return shapes.indices.contains(i) ? shapes[i].initCode : []
        case let .shapePerFrame(i): return shapes.indices.contains(i) ? shapes[i].perFrameCode : []
        }
    }

    /// Replaces the lines of one code block (ignored when the wave or shape index is out of range).
    public mutating func setCode(_ kind: CodeBlockKind, _ lines: [String]) {
        switch kind {
        case .perFrameInit: perFrameInitCode = lines
        case .perFrame: perFrameCode = lines
        case .perPixel: perPixelCode = lines
        case let .waveInit(i): if waves.indices.contains(i) { waves[i].initCode = lines }
        case let .wavePerFrame(i): if waves.indices.contains(i) { waves[i].perFrameCode = lines }
        case let .wavePerPoint(i): if waves.indices.contains(i) { waves[i].perPointCode = lines }
        case let .shapeInit(i): if shapes.indices.contains(i) { shapes[i].initCode = lines }
        case let .shapePerFrame(i): if shapes.indices.contains(i) { shapes[i].perFrameCode = lines }
        }
    }

    public static func == (lhs: Preset, rhs: Preset) -> Bool {
        lhs.name == rhs.name && lhs.header == rhs.header && lhs.base == rhs.base
            && lhs.perFrameInitCode == rhs.perFrameInitCode && lhs.perFrameCode == rhs.perFrameCode
            && lhs.perPixelCode == rhs.perPixelCode && lhs.waves == rhs.waves && lhs.shapes == rhs.shapes
            && lhs.warpShader == rhs.warpShader && lhs.compShader == rhs.compShader
            && lhs.extraEntries == rhs.extraEntries
    }
}

/// The version keys at the top of a preset; nil where the file does not have the key (or its value is no number).
public struct PresetHeader: Sendable, Hashable, Codable {
    /// `MILKDROP_PRESET_VERSION` (201 for MilkDrop 2.x, absent in MilkDrop 1 presets).
    public var milkdropPresetVersion: Int?
    /// `PSVERSION`: the highest pixel-shader model used (MilkDrop 2.0 files).
    public var psVersion: Int?
    /// `PSVERSION_WARP`.
    public var psVersionWarp: Int?
    /// `PSVERSION_COMP`.
    public var psVersionComp: Int?

    public init(milkdropPresetVersion: Int? = nil, psVersion: Int? = nil, psVersionWarp: Int? = nil, psVersionComp: Int? = nil) {
        self.milkdropPresetVersion = milkdropPresetVersion
        self.psVersion = psVersion
        self.psVersionWarp = psVersionWarp
        self.psVersionComp = psVersionComp
    }

    /// The preset version MilkDrop uses: the file's, or 100 when absent.
    public var version: Int { milkdropPresetVersion ?? 100 }

    /// The warp shader model MilkDrop uses: 0 before version 200, `PSVERSION` (default 2) at 200, else
    /// `PSVERSION_WARP` (default 2).
    public var warpShaderModel: Int {
        version < 200 ? 0 : version == 200 ? psVersion ?? 2 : psVersionWarp ?? 2
    }

    /// The composite shader model MilkDrop uses, by the same rule with `PSVERSION_COMP`.
    public var compShaderModel: Int {
        version < 200 ? 0 : version == 200 ? psVersion ?? 2 : psVersionComp ?? 2
    }
}

/// What reading a file found about how it is written; useful to report, not part of the preset's content.
public struct ReadingNotes: Sendable, Hashable, Codable {
    public var encoding: PresetTextEncoding = .utf8
    public var hadByteOrderMark = false
    /// Whether a `[preset00]`-style section line was present.
    public var hadSectionHeader = false
    /// NUL bytes found (each ends the key or value it is in).
    public var nulBytes = 0
    /// Lines that hold no key (no `=` or space, or starting with one) and are not a section line.
    public var ignoredLines = 0
    /// Keys that appear more than once (the first occurrence is used).
    public var repeatedKeys = 0

    public init() {}
}
