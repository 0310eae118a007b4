/// The preset-wide values of a MilkDrop 2 preset (everything outside waves, shapes, code and shaders), with
/// MilkDrop 2's defaults (`CState::Default`).
public struct BaseValues: Sendable, Hashable, Codable {
    // General.
    public var rating: Float = 3          // fRating
    public var gammaAdj: Float = 2        // fGammaAdj
    public var decay: Float = 0.98        // fDecay
    public var videoEchoZoom: Float = 2   // fVideoEchoZoom
    public var videoEchoAlpha: Float = 0  // fVideoEchoAlpha
    public var videoEchoOrientation = 0   // nVideoEchoOrientation
    public var redBlueStereo = false      // bRedBlueStereo
    public var brighten = false           // bBrighten
    public var darken = false             // bDarken
    public var solarize = false           // bSolarize
    public var invert = false             // bInvert
    public var shader: Float = 0          // fShader
    public var blur1Min: Float = 0        // b1n
    public var blur2Min: Float = 0        // b2n
    public var blur3Min: Float = 0        // b3n
    public var blur1Max: Float = 1        // b1x
    public var blur2Max: Float = 1        // b2x
    public var blur3Max: Float = 1        // b3x
    public var blur1EdgeDarken: Float = 0.25 // b1ed

    // The main waveform and motion vectors.
    public var waveMode = 0               // nWaveMode
    public var additiveWaves = false      // bAdditiveWaves
    public var waveDots = false           // bWaveDots
    public var waveThick = false          // bWaveThick
    public var modWaveAlphaByVolume = false // bModWaveAlphaByVolume
    public var maximizeWaveColor = true   // bMaximizeWaveColor
    public var waveAlpha: Float = 0.8     // fWaveAlpha
    public var waveScale: Float = 1       // fWaveScale
    public var waveSmoothing: Float = 0.75 // fWaveSmoothing
    public var waveParam: Float = 0       // fWaveParam
    public var modWaveAlphaStart: Float = 0.75 // fModWaveAlphaStart
    public var modWaveAlphaEnd: Float = 0.95   // fModWaveAlphaEnd
    public var waveR: Float = 1           // wave_r
    public var waveG: Float = 1           // wave_g
    public var waveB: Float = 1           // wave_b
    public var waveX: Float = 0.5         // wave_x
    public var waveY: Float = 0.5         // wave_y
    public var motionVectorsX: Float = 12 // nMotionVectorsX
    public var motionVectorsY: Float = 9  // nMotionVectorsY
    public var mvDX: Float = 0            // mv_dx
    public var mvDY: Float = 0            // mv_dy
    public var mvL: Float = 0.9           // mv_l
    public var mvR: Float = 1             // mv_r
    public var mvG: Float = 1             // mv_g
    public var mvB: Float = 1             // mv_b
    public var mvA: Float = 1             // mv_a (absent: bMotionVectorsOn ? 1 : 0)

    // Motion (the warp mesh) and borders.
    public var zoom: Float = 1
    public var rot: Float = 0
    public var cx: Float = 0.5
    public var cy: Float = 0.5
    public var dx: Float = 0
    public var dy: Float = 0
    public var warp: Float = 1
    public var sx: Float = 1
    public var sy: Float = 1
    public var texWrap = true             // bTexWrap
    public var darkenCenter = false       // bDarkenCenter
    public var warpAnimSpeed: Float = 1   // fWarpAnimSpeed
    public var warpScale: Float = 1       // fWarpScale
    public var zoomExponent: Float = 1    // fZoomExponent
    public var obSize: Float = 0.01       // ob_size
    public var obR: Float = 0
    public var obG: Float = 0
    public var obB: Float = 0
    public var obA: Float = 0
    public var ibSize: Float = 0.01       // ib_size
    public var ibR: Float = 0.25
    public var ibG: Float = 0.25
    public var ibB: Float = 0.25
    public var ibA: Float = 0

    /// MilkDrop 2's defaults.
    public init() {}

    /// The keys MilkDrop's `CState::Import` reads before the custom waves and shapes (the general and wave groups),
    /// in its order; our writer uses the same order, so MilkDrop's "next line" lookups always hit.
    ///
    /// `wave_r/g/b/x/y` are read in MilkDrop with `m_fRot` as their default, so a file without them (or with no number
    /// there) gets 0 (the value of `rot` before the motion keys are read), not the 1 / 0.5 of `CState::Default`;
    /// `missing:` records that.
    static let leadingFields: [PresetField<BaseValues>] = [
        .float("fRating", \.rating), .float("fDecay", \.decay), .float("fGammaAdj", \.gammaAdj),
        .float("fVideoEchoZoom", \.videoEchoZoom), .float("fVideoEchoAlpha", \.videoEchoAlpha),
        .int("nVideoEchoOrientation", \.videoEchoOrientation), .bool("bRedBlueStereo", \.redBlueStereo),
        .bool("bBrighten", \.brighten), .bool("bDarken", \.darken), .bool("bSolarize", \.solarize),
        .bool("bInvert", \.invert), .float("fShader", \.shader),
        .float("b1n", \.blur1Min), .float("b2n", \.blur2Min), .float("b3n", \.blur3Min),
        .float("b1x", \.blur1Max), .float("b2x", \.blur2Max), .float("b3x", \.blur3Max), .float("b1ed", \.blur1EdgeDarken),
        .int("nWaveMode", \.waveMode), .bool("bAdditiveWaves", \.additiveWaves), .bool("bWaveDots", \.waveDots),
        .bool("bWaveThick", \.waveThick), .bool("bModWaveAlphaByVolume", \.modWaveAlphaByVolume),
        .bool("bMaximizeWaveColor", \.maximizeWaveColor),
        .float("fWaveAlpha", \.waveAlpha), .float("fWaveScale", \.waveScale), .float("fWaveSmoothing", \.waveSmoothing),
        .float("fWaveParam", \.waveParam), .float("fModWaveAlphaStart", \.modWaveAlphaStart),
        .float("fModWaveAlphaEnd", \.modWaveAlphaEnd),
        .float("wave_r", \.waveR, missing: 0), .float("wave_g", \.waveG, missing: 0), .float("wave_b", \.waveB, missing: 0),
        .float("wave_x", \.waveX, missing: 0), .float("wave_y", \.waveY, missing: 0),
        .float("nMotionVectorsX", \.motionVectorsX), .float("nMotionVectorsY", \.motionVectorsY),
        .float("mv_dx", \.mvDX), .float("mv_dy", \.mvDY), .float("mv_l", \.mvL),
        .float("mv_r", \.mvR), .float("mv_g", \.mvG), .float("mv_b", \.mvB), .float("mv_a", \.mvA),
    ]

    /// The motion group, which MilkDrop reads after the custom waves and shapes, in its order.
    static let motionFields: [PresetField<BaseValues>] = [
        .float("zoom", \.zoom), .float("rot", \.rot), .float("cx", \.cx), .float("cy", \.cy),
        .float("dx", \.dx), .float("dy", \.dy), .float("warp", \.warp), .float("sx", \.sx), .float("sy", \.sy),
        .bool("bTexWrap", \.texWrap), .bool("bDarkenCenter", \.darkenCenter),
        .float("fWarpAnimSpeed", \.warpAnimSpeed), .float("fWarpScale", \.warpScale), .float("fZoomExponent", \.zoomExponent),
        .float("ob_size", \.obSize), .float("ob_r", \.obR), .float("ob_g", \.obG), .float("ob_b", \.obB), .float("ob_a", \.obA),
        .float("ib_size", \.ibSize), .float("ib_r", \.ibR), .float("ib_g", \.ibG), .float("ib_b", \.ibB), .float("ib_a", \.ibA),
    ]

    static let leadingKeys = PresetField.lowercasedKeys(leadingFields, prefix: "")
    static let motionKeys = PresetField.lowercasedKeys(motionFields, prefix: "")

    /// Every base key, in MilkDrop's read order.
    static let fields = leadingFields + motionFields

    /// The legacy key that sets `mv_a` when `mv_a` itself is absent; MilkDrop reads it just before `mv_a`.
    static let legacyMotionVectorsKey = "bMotionVectorsOn"
}
