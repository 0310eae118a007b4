/// What a frame is rendered from besides the preset: time and audio, injected so renders are reproducible.
///
/// The audio part maps one to one onto `AudioAnalysis.FrameAudio` once that lands.
public struct LayerFrameInputs: Sendable, Equatable {
    /// Seconds since the preset started: exactly `frame / fps` when recording.
    public var time: Double
    public var frame: Int
    public var fps: Double
    /// MilkDrop's `progress`: how far the preset is through its display time (time since it started over the time
    /// until the next switch; not clamped). Whoever schedules presets sets it (`RenderJob` for a locked preset).
    public var progress: Double = 0
    public var bass: Float = 0
    public var mid: Float = 0
    public var treble: Float = 0
    public var bassAttenuated: Float = 0
    public var midAttenuated: Float = 0
    public var trebleAttenuated: Float = 0
    /// Overall volume, the mean of the three bands as MilkDrop computes it.
    public var volume: Float = 0
    /// 576 samples per channel, oldest first, at MilkDrop's 8-bit scale (±128), as `FrameAudio` gives them.
    public var waveformLeft: [Float]
    public var waveformRight: [Float]
    /// 512 magnitude bins per channel.
    public var spectrumLeft: [Float]
    public var spectrumRight: [Float]

    /// projectM 3.1.12's sound data when rendering as projectM does (`--compat projectm`); nil otherwise.
    public var projectM: ProjectMAudio?

    public static let waveformSamples = 576
    public static let spectrumSamples = 512

    /// Silence at `frame / fps`.
    public init(frame: Int, fps: Double) {
        self.frame = frame
        self.fps = fps
        self.time = Double(frame) / fps
        waveformLeft = Array(repeating: 0, count: Self.waveformSamples)
        waveformRight = waveformLeft
        spectrumLeft = Array(repeating: 0, count: Self.spectrumSamples)
        spectrumRight = spectrumLeft
    }
}
