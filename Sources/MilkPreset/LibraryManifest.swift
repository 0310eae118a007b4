/// The library manifest (`library-manifest.json`): one entry per preset of a folder. See docs/formats.md.
public struct LibraryManifest: Sendable, Codable, Equatable {
    /// The format's name, always `aivj-library-manifest`.
    public var format = "aivj-library-manifest"
    /// Bumped on any change a reader must know about.
    public var formatVersion = LibraryManifest.currentVersion
    /// The hash behind every entry's `id`.
    public var idHash = "fnv1a64"
    public var presetCount = 0
    public var failedCount = 0
    /// Sorted by `path`.
    public var presets: [LibraryEntry] = []
    /// Files that did not read as presets, sorted by `path`.
    public var failures: [LibraryFailure] = []

    public static let currentVersion = 1

    public init() {}
}

/// One preset in a library manifest.
public struct LibraryEntry: Sendable, Codable, Equatable {
    /// FNV-1a 64-bit hash of the file's bytes, 16 hex digits: the same file has the same id wherever it lies.
    public var id: String
    /// Path relative to the indexed folder, `/`-separated.
    public var path: String
    public var bytes: Int
    /// The file name without its extension.
    public var name: String
    /// From a name of the form "Author - Title" (split at the first " - "); nil otherwise.
    public var author: String?
    public var title: String?
    /// MILKDROP_PRESET_VERSION as MilkDrop uses it (100 when absent).
    public var milkdropVersion: Int
    /// The pixel shader models MilkDrop uses (0 = none).
    public var warpShaderModel: Int
    public var compShaderModel: Int
    public var hasWarpShader: Bool
    public var hasCompShader: Bool
    /// `utf8` or `windows1252`.
    public var encoding: PresetTextEncoding
    public var textures: [LibraryTexture]
    public var enabledWaves: Int
    public var enabledShapes: Int
    public var perFrameLines: Int
    public var perPixelLines: Int
    /// Base values by MilkDrop key (booleans as 0/1); see `LibraryEntry.valueKeys`.
    public var values: [String: Float]

    /// The base values recorded in `values`.
    public static let valueKeys = [
        "fDecay", "fGammaAdj", "fVideoEchoZoom", "fVideoEchoAlpha", "nVideoEchoOrientation", "nWaveMode",
        "fWaveAlpha", "fWaveScale", "bAdditiveWaves", "bWaveDots", "bTexWrap", "bDarkenCenter", "bBrighten",
        "bDarken", "bSolarize", "bInvert", "fWarpAnimSpeed", "fWarpScale", "fZoomExponent", "fShader",
        "zoom", "rot", "cx", "cy", "dx", "dy", "warp", "sx", "sy", "ob_size", "ob_a", "ib_size", "ib_a", "mv_a",
    ]
}

/// A texture a preset's shaders sample, and whether it was found beside the preset.
public struct LibraryTexture: Sendable, Codable, Equatable {
    /// The sampler name in the shader.
    public var sampler: String
    /// The file name root (for random picks: the name prefix, possibly empty).
    public var name: String
    /// For `randNN` samplers, NN.
    public var randomSlot: Int?
    /// Whether an image for it is in the preset's folder.
    public var found: Bool
    /// The image's file name, when found.
    public var file: String?
}

/// A file under the folder that is not a readable preset.
public struct LibraryFailure: Sendable, Codable, Equatable {
    public var path: String
    public var reason: String
}
