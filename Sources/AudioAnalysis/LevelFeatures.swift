import Foundation

/// The 0..1 "seed" features derived from loudness and onsets; see docs/audio.md for the formulas.
public struct LevelFeatures: Sendable {
    /// Below this RMS (−60 dBFS) a frame counts as silence.
    public static let silenceRMS: Float = 0.001

    private var fastDB: Double = -100
    private var slowDB: Double = -100
    private var fluxMean: Double = 0
    private var fluxDev: Double = 0
    private var accentHeld: Double = 0
    private var intensity: Double = 0
    private var range = AdaptiveRange()
    private var primed = false
    private var heard = false

    public init() {}

    /// The features of one frame.
    public struct Output: Sendable, Equatable {
        public var energy01: Float
        public var accent01: Float
        public var intensity01: Float
        public var rmsDB: Float
    }

    /// Updates with a frame's RMS, the onset strengths of the hops it completed, and the beat pulse.
    public mutating func update(rms: Float, onsets: [Float], beatPulse01: Float, dt: Double) -> Output {
        let db = 20 * log10(Double(max(rms, 1e-6)))
        if !primed { fastDB = db; slowDB = db; primed = true }
        // Attack faster than release, so energy rises on a hit and falls back smoothly.
        let fastTau = db > fastDB ? 0.05 : 0.25
        fastDB += (db - fastDB) * (1 - exp(-dt / fastTau))
        slowDB += (db - slowDB) * (1 - exp(-dt / 6.0))
        let silent = rms < Self.silenceRMS
        let energy = silent ? 0 : min(1, max(0, 0.5 + (fastDB - slowDB) / 12))

        // Spectral-flux onsets against an adaptive threshold: mean + one mean deviation over ~1.5 s.
        var accent = 0.0
        for o in onsets {
            let v = Double(o)
            let a = 1 - exp(-(1.0 / 86.0) / 1.5)
            let excess = (v - fluxMean - fluxDev) / (3 * fluxDev + 1e-3)
            accent = max(accent, min(1, max(0, excess)))
            fluxMean += (v - fluxMean) * a
            fluxDev += (abs(v - fluxMean) - fluxDev) * a
        }
        accentHeld = max(accent, accentHeld * exp(-dt / 0.12))
        if silent { accentHeld = 0 }

        // Absolute loudness −50…−10 dBFS mapped to 0…1 anchors intensity for quiet passages.
        let loud01 = min(1, max(0, (fastDB + 50) / 40))
        let target = silent ? 0 : 0.45 * loud01 + 0.25 * energy + 0.15 * accentHeld + 0.15 * Double(beatPulse01)
        // The first sound starts the smoother at its level: a ramp up from 0 would read as a quiet passage.
        if !heard, !silent { intensity = target; heard = true }
        intensity += (target - intensity) * (1 - exp(-dt / 0.4))
        let spread = range.update(intensity, dt: dt)
        return Output(energy01: Float(energy), accent01: Float(accentHeld),
                      intensity01: silent ? 0 : Float(min(1, max(0, spread))), rmsDB: Float(db))
    }
}
