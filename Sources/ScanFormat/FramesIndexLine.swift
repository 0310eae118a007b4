/// One line of `frames-index.jsonl`: one captured frame of one preset.
public struct FramesIndexLine: Codable, Sendable, Equatable {
    /// The preset's path relative to the library root (as in `run-manifest.json`).
    public var preset: String
    /// The preset's library id (FNV-1a 64 of its bytes).
    public var presetId: String
    /// Frame number (time = frame / fps).
    public var frame: Int
    /// Which capture of the preset this is, from 0.
    public var capture: Int
    /// The image, relative to the scan folder.
    public var file: String
    /// Mean Rec. 601 luma, 0…1.
    public var avgLuma: Double
    /// Share of pixels with luma above the coverage threshold.
    public var coverage: Double
    /// Mean absolute difference from the previous capture, 0…1 (absent on the first).
    public var motion: Double?
    /// SHA-1 (hex) of the frame's RGB bytes.
    public var sha1: String

    public init(preset: String, presetId: String, frame: Int, capture: Int, file: String, avgLuma: Double,
                coverage: Double, motion: Double?, sha1: String) {
        self.preset = preset; self.presetId = presetId; self.frame = frame; self.capture = capture; self.file = file
        self.avgLuma = avgLuma; self.coverage = coverage; self.motion = motion; self.sha1 = sha1
    }

    /// Canonical order: by preset path (UTF-8 bytes), then frame.
    public static func canonicalOrder(_ a: FramesIndexLine, _ b: FramesIndexLine) -> Bool {
        if a.preset != b.preset { return ScanOrder.precedes(a.preset, b.preset) }
        return a.frame < b.frame
    }
}

/// The one ordering of preset paths in every scan output.
public enum ScanOrder {
    /// UTF-8 byte order, independent of Unicode normalisation and locale.
    public static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

/// The reason tokens of `RunManifestEntry.reasons`.
public enum ScanReason: String, Codable, Sendable, CaseIterable {
    /// The file does not read as a preset (failed).
    case parseError = "parse-error"
    /// The renderer replaced a warp or composite shader it could not use by its default (failed).
    case shaderFallback = "shader-fallback"
    /// Every capture is nearly black (failed).
    case black
    /// Nothing moves between captures (failed).
    case `static`
    /// Every attempt ran past `timeoutMs` (failed).
    case timeout
    /// The worker process died on every attempt (failed).
    case crash
    /// The renderer threw (GL error, bad size; failed).
    case renderError = "render-error"
    /// Tier 2 because too dim.
    case dim
    /// Tier 2 because too little of the picture is lit.
    case sparse
    /// Tier 2 because it barely moves.
    case slow

    /// Whether this reason makes the preset fail (the others only lower its tier).
    public var fails: Bool {
        switch self {
        case .dim, .sparse, .slow: false
        default: true
        }
    }
}
