/// Every per-frame value a MilkDrop frame is drawn with, after per_frame code ran.
///
/// Names follow the preset variables (`zoom`, `wave_x`, `ob_size`, …) in Swift spelling. Defaults are
/// MilkDrop's own, so a layer renders sensibly before any preset is mapped onto it.
public struct LayerParameters: Sendable, Equatable {
    // Motion (the warp mesh), also the per-vertex defaults.
    public var motion = VertexMotion()
    public var decay: Float = 0.98
    /// `wrap` / `bTexWrap`: sample the previous frame with repeat rather than clamp.
    public var textureWrap = true
    public var warpAnimSpeed: Float = 1
    public var warpScale: Float = 1

    // Final composite.
    public var gamma: Float = 2
    public var echoZoom: Float = 2
    public var echoAlpha: Float = 0
    public var echoOrientation = 0
    public var brighten = false
    public var darken = false
    public var solarize = false
    public var invert = false
    public var darkenCenter = false
    /// `fShader`: how much of MilkDrop's slow hue shading the composite applies (0 = none).
    public var hueShader: Float = 0

    // Main waveform.
    public var waveMode = 0
    public var waveX: Float = 0.5
    public var waveY: Float = 0.5
    public var waveColor = SIMD4<Float>(1, 1, 1, 0.8)
    public var waveScale: Float = 1
    public var waveSmoothing: Float = 0.75
    public var waveMystery: Float = 0
    public var additiveWave = false
    public var waveDots = false
    public var waveThick = false
    public var maximizeWaveColor = true
    public var modulateWaveAlphaByVolume = false
    public var modulateAlphaStart: Float = 0.75
    public var modulateAlphaEnd: Float = 0.95

    // Borders.
    public var outerBorderSize: Float = 0.01
    public var outerBorderColor = SIMD4<Float>(0, 0, 0, 0)
    public var innerBorderSize: Float = 0.01
    public var innerBorderColor = SIMD4<Float>(0.25, 0.25, 0.25, 0)

    // Motion vectors.
    public var motionVectorsX: Float = 12
    public var motionVectorsY: Float = 9
    public var motionVectorsDX: Float = 0
    public var motionVectorsDY: Float = 0
    public var motionVectorsLength: Float = 0.9
    public var motionVectorsColor = SIMD4<Float>(1, 1, 1, 0)

    /// Custom shapes and waves to draw this frame, already evaluated.
    public var shapes: [ShapeInstance] = []
    public var waves: [CustomWaveDrawing] = []
    /// MilkDrop 2 warp/comp shaders and their per-frame values; nil draws both stages the MilkDrop 1 way.
    public var shaderFrame: ShaderFrameValues?
    /// Whose drawing rules the layer follows where MilkDrop and projectM 3.1.12 differ (`RenderCompatibility`).
    public var compatibility = RenderCompatibility.milkdrop
    /// The old preset's main wave while two presets blend (`PresetTransition`); nil otherwise.
    public var mainWaveBlend: MainWaveBlend?
    /// The old preset's shaders while two presets blend and either has some; nil otherwise.
    public var shaderBlend: ShaderBlend?

    public init() {}
}

/// The motion a warp-mesh vertex undergoes: the per-pixel outputs of MilkDrop.
public struct VertexMotion: Sendable, Equatable {
    public var zoom: Float = 1
    public var zoomExponent: Float = 1
    public var rotation: Float = 0
    public var warp: Float = 1
    public var centerX: Float = 0.5
    public var centerY: Float = 0.5
    public var dx: Float = 0
    public var dy: Float = 0
    public var sx: Float = 1
    public var sy: Float = 1

    public init() {}
}

/// Per-vertex motion for the whole warp mesh, as per_pixel code produced it (row 0 is the top row).
public struct WarpField: Sendable, Equatable {
    public var motions: [VertexMotion]

    public init(motions: [VertexMotion]) { self.motions = motions }
}
