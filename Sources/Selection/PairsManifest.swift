/// `pairs-manifest.v0.json`: the pairs of a pack and how the pack was made (docs/formats.md).
public struct PairsManifest: Codable, Sendable, Equatable {
    public static let formatName = "aivj-pairs-manifest"
    public static let fileName = "pairs-manifest.v0.json"

    public var format: String
    public var formatVersion: Int
    /// Folder the preset paths may also be relative to (relative to the pack folder, or absolute); nil = pack only.
    public var libraryRoot: String?
    public var made: PackProvenance
    /// How `aivj pairs build` made the pack (absent in hand-made packs).
    public var build: PackBuildRecord?
    public var pairs: [PairEntry]
    /// Items of `pairs` that did not decode (not written).
    public var skipped: [SkippedItem] = []

    public init(libraryRoot: String? = nil, made: PackProvenance, build: PackBuildRecord? = nil, pairs: [PairEntry]) {
        format = Self.formatName
        formatVersion = 0
        self.libraryRoot = libraryRoot
        self.made = made
        self.build = build
        self.pairs = pairs
    }
}

/// One coupled pair as written in the manifest.
public struct PairEntry: Codable, Sendable, Equatable {
    public var id: String
    /// Foreground and background preset paths, relative to the pack folder or the library root.
    public var fg: String
    public var bg: String
    /// |warp(fg) − warp(bg)| and |cx(fg) − cx(bg)| from the presets' base values (non-negative).
    public var warpDiff: Double
    public var cxDiff: Double
    /// Optional: the presets' library ids (FNV-1a of the bytes), a display name, free tags.
    public var fgID: String?
    public var bgID: String?
    public var name: String?
    public var tags: [String]?

    enum CodingKeys: String, CodingKey {
        case id, fg, bg, name, tags
        case warpDiff = "warp_diff"
        case cxDiff = "cx_diff"
        case fgID = "fg_id"
        case bgID = "bg_id"
    }

    public init(id: String, fg: String, bg: String, warpDiff: Double, cxDiff: Double,
                fgID: String? = nil, bgID: String? = nil, name: String? = nil, tags: [String]? = nil) {
        self.id = id; self.fg = fg; self.bg = bg
        self.warpDiff = warpDiff; self.cxDiff = cxDiff
        self.fgID = fgID; self.bgID = bgID; self.name = name; self.tags = tags
    }
}

/// How a pack (or a quality file) was made, so a pack can be reproduced and judged.
public struct PackProvenance: Codable, Sendable, Equatable {
    /// The command or program that wrote the file, e.g. `aivj pairs build`.
    public var tool: String
    /// What it was made from: a library folder, a manifest, a scan folder.
    public var source: String?
    public var seed: UInt64?
    /// A short statement of the criteria or scoring method.
    public var method: String?
    /// ISO 8601 time of making; optional so tools can write byte-identical files.
    public var created: String?

    public init(tool: String, source: String? = nil, seed: UInt64? = nil, method: String? = nil, created: String? = nil) {
        self.tool = tool; self.source = source; self.seed = seed; self.method = method; self.created = created
    }
}

extension PairsManifest {
    enum CodingKeys: String, CodingKey { case format, formatVersion, libraryRoot, made, build, pairs }

    /// Decodes the file, keeping every pair that decodes and listing the others in `skipped`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        libraryRoot = try c.decodeIfPresent(String.self, forKey: .libraryRoot)
        made = try c.decode(PackProvenance.self, forKey: .made)
        // A malformed build record is only documentation: drop it rather than refuse the pack.
        build = (try? c.decodeIfPresent(PackBuildRecord.self, forKey: .build)) ?? nil
        let items = try c.decode([Failable<PairEntry>].self, forKey: .pairs)
        pairs = []
        skipped = []
        for (i, item) in items.enumerated() {
            switch item.result {
            case let .success(p): pairs.append(p)
            case let .failure(e): skipped.append(SkippedItem(position: "\(i)", reason: JSONFiles.describe(e)))
            }
        }
    }
}
