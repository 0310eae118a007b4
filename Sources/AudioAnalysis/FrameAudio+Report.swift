import Foundation

/// The JSON form of a frame for `aivj analyze --json`: every scalar feature, snake_case as in presets.
public struct FrameAudioRecord: Codable, Sendable, Equatable {
    public var frame: Int
    public var time: Double
    public var bass, mid, treb, bass_att, mid_att, treb_att, vol, vol_att: Float
    public var energy01, accent01, beat_pulse01, intensity01: Float
    public var bpm: Double
    public var beat_phase: Double
    public var tempo_locked: Bool
    public var beats: [Double]
    public var rms_db: Float
    public var fallback: Bool
    /// Only with `--full`: the waveforms (576, ±128) and spectra (512).
    public var waveform_left, waveform_right, spectrum_left, spectrum_right: [Float]?

    public init(_ f: FrameAudio, full: Bool = false) {
        frame = f.frame
        time = f.time
        bass = f.bass; mid = f.mid; treb = f.treb
        bass_att = f.bassAtt; mid_att = f.midAtt; treb_att = f.trebAtt
        vol = f.vol; vol_att = f.volAtt
        energy01 = f.energy01; accent01 = f.accent01; beat_pulse01 = f.beatPulse01; intensity01 = f.intensity01
        bpm = (f.bpm * 100).rounded() / 100
        beat_phase = (f.beatPhase * 1000).rounded() / 1000
        tempo_locked = f.tempoLocked
        beats = f.beats.map { ($0 * 10000).rounded() / 10000 }
        rms_db = (f.rmsDB * 100).rounded() / 100
        fallback = f.inputFallback
        if full {
            waveform_left = f.waveformLeft; waveform_right = f.waveformRight
            spectrum_left = f.spectrumLeft; spectrum_right = f.spectrumRight
        }
    }
}

extension FrameAudio {
    /// One terminal line of meters for `aivj listen`: bars for bass/mid/treb (0…2 → full), the 0..1
    /// features, a beat marker and the tempo.
    public func meterLine(width: Int = 10) -> String {
        func bar(_ v: Float, scale: Float) -> String {
            let n = max(0, min(width, Int((v / scale * Float(width)).rounded())))
            return String(repeating: "#", count: n) + String(repeating: ".", count: width - n)
        }
        let tempo = bpm > 0 ? String(format: "%6.1f BPM%@", bpm, tempoLocked ? "*" : " ") : "  --- BPM "
        return String(format: "bass %@ mid %@ treb %@ | energy %@ accent %@ %@ | %@",
                      bar(bass, scale: 2), bar(mid, scale: 2), bar(treb, scale: 2),
                      bar(energy01, scale: 1), bar(accent01, scale: 1), beatPulse01 > 0.5 ? "●" : "○", tempo)
    }
}
