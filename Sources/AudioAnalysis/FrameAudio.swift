/// Everything the renderer, the HUD and the picker read about one video frame's audio.
public struct FrameAudio: Sendable, Equatable {
    /// Frame index from 0 and its time in seconds (index / fps).
    public var frame: Int
    public var time: Double
    /// MilkDrop's bass/mid/treb (+_att) and vol (+_att).
    public var levels: BandLevels
    /// The newest 576 samples per channel at MilkDrop's 8-bit scale (±128), oldest first, then aligned
    /// to the previous frame as MilkDrop does (`WaveformAligner`): draw the first `drawnSamples` (480).
    public var waveformLeft: [Float]
    public var waveformRight: [Float]
    /// 512 equalised bins (0 Hz … half the sample rate), from the damped, unaligned waveform, as MilkDrop gives waves.
    public var spectrumLeft: [Float]
    public var spectrumRight: [Float]
    /// Loudness relative to the recent past (0.5 = as loud as the last seconds).
    public var energy01: Float
    /// Onset/transient strength above an adaptive threshold.
    public var accent01: Float
    /// 1 on a detected beat, decaying to 0 over one beat period.
    public var beatPulse01: Float
    /// A blend of loudness, energy, accent and pulse, smoothed over ~0.4 s.
    public var intensity01: Float
    /// Current tempo (0 until estimated), beat phase 0..<1, and whether the tracker is locked.
    public var bpm: Double
    public var beatPhase: Double
    public var tempoLocked: Bool
    /// Times (s) of beats emitted during this frame (usually zero or one).
    public var beats: [Double]
    /// RMS level of the frame's samples in dBFS.
    public var rmsDB: Float
    /// True when the source fell back to silence (device missing or lost); the HUD says so.
    public var inputFallback: Bool

    /// Waveform samples MilkDrop draws (its NUM_WAVEFORM_SAMPLES).
    public static let drawnSamples = WaveformAligner.samplesOut

    public var bass: Float { levels.bass }
    public var mid: Float { levels.mid }
    public var treb: Float { levels.treb }
    public var bassAtt: Float { levels.bassAtt }
    public var midAtt: Float { levels.midAtt }
    public var trebAtt: Float { levels.trebAtt }
    public var vol: Float { levels.vol }
    public var volAtt: Float { levels.volAtt }

    /// Frame `frame` at `fps` of pure silence, as the analyser reports it: levels 1, zero waves,
    /// spectra and features (for renderers with no audio and for their tests).
    public static func silent(frame: Int, fps: Double) -> FrameAudio {
        FrameAudio(
            frame: frame, time: Double(frame) / fps, levels: .neutral,
            waveformLeft: [Float](repeating: 0, count: MilkdropSpectrum.samplesIn),
            waveformRight: [Float](repeating: 0, count: MilkdropSpectrum.samplesIn),
            spectrumLeft: [Float](repeating: 0, count: MilkdropSpectrum.bins),
            spectrumRight: [Float](repeating: 0, count: MilkdropSpectrum.bins),
            energy01: 0, accent01: 0, beatPulse01: 0, intensity01: 0,
            bpm: 0, beatPhase: 0, tempoLocked: false, beats: [], rmsDB: -120, inputFallback: false)
    }
}
