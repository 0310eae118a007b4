import Foundation

/// MilkDrop's wave alignment (`CPluginShell::AlignWaves`): each frame the 576-sample waveform is shifted
/// by up to 96 samples so its first 480 best match the previous frame's, which keeps the drawn waves
/// still instead of jittering. The search is coarse to fine over 6 "octaves" (halved resolutions),
/// minimising a weighted absolute difference that only looks at the middle of the window.
public struct WaveformAligner: Sendable {
    /// Samples in, and samples MilkDrop draws (its NUM_WAVEFORM_SAMPLES).
    public static let samplesIn = 576, samplesOut = 480
    /// floor(log2(576 − 480)) = 6 resolutions.
    static let octaves = Int(floor(log(Double(samplesIn - samplesOut)) / log(2.0)))
    /// Samples and shift range at each octave: 576/96, 288/48, 144/24, 72/12, 36/6, 18/3.
    static let samples: [Int] = (0..<octaves).map { samplesIn >> $0 }
    static let spacing: [Int] = (0..<octaves).map { (samplesIn - samplesOut) >> $0 }
    /// Per-octave weights: a 0…1…0 pyramid over the compared samples, steepened as
    /// `clamp((w − 0.8)·5 + 0.8, 0, 1)` so only the middle third counts; and its non-zero span.
    static let weights: [[Float]] = (0..<octaves).map { o in
        let compare = samples[o] - spacing[o]
        return (0..<compare).map { n in
            let pyramid = n < compare / 2 ? Float(n * 2) / Float(compare) : Float((compare - 1 - n) * 2) / Float(compare)
            return min(1, max(0, (pyramid - 0.8) * 5 + 0.8))
        }
    }
    static let nonzero: [ClosedRange<Int>] = weights.map { w in
        (w.firstIndex { $0 != 0 } ?? 0)...(w.lastIndex { $0 != 0 } ?? 0)
    }

    /// The previous frame's 480 aligned samples (zeros before the first frame).
    private var previous = [Float](repeating: 0, count: samplesOut)
    /// The shift chosen for the last frame.
    public private(set) var lastOffset = 0

    public init() {}

    /// Halved-resolution copies ("mips") of a waveform: level o+1 averages pairs of level o.
    static func mips(_ wave: [Float]) -> [[Float]] {
        var out = [wave]
        for o in 1..<octaves {
            let prev = out[o - 1]
            out.append((0..<samples[o]).map { n in
                let a = 2 * n < prev.count ? prev[2 * n] : 0, b = 2 * n + 1 < prev.count ? prev[2 * n + 1] : 0
                return 0.5 * (a + b)
            })
        }
        return out
    }

    /// The best shift of `wave` (576 samples) against the previous frame.
    func offset(for wave: [Float]) -> Int {
        let new = Self.mips(wave)
        let old = Self.mips(previous + [Float](repeating: 0, count: Self.samplesIn - Self.samplesOut))
        var n1 = 0, n2 = Self.spacing[Self.octaves - 1]
        for o in stride(from: Self.octaves - 1, through: 0, by: -1) {
            var best = -1
            var bestError: Float = 0
            let w = Self.weights[o]
            for n in n1..<max(n1, n2) {
                var error: Float = 0
                for i in Self.nonzero[o] { error += abs((new[o][i + n] - old[o][i]) * w[i]) }
                if best == -1 || error < bestError { best = n; bestError = error }
            }
            if o == 0 { return max(0, best) }
            // Search the two finer samples under the best one, plus one either side.
            n1 = max(0, best * 2 - 1)
            n2 = min(best * 2 + 3, Self.spacing[o - 1])
        }
        return 0
    }

    /// Aligns one channel's newest 576 samples. With a positive shift the first 480 samples are
    /// moved forward and the last 96 zeroed, as MilkDrop does; with no shift the input is unchanged.
    public mutating func align(_ wave: [Float]) -> [Float] {
        precondition(wave.count == Self.samplesIn, "WaveformAligner needs exactly 576 samples")
        let shift = offset(for: wave)
        lastOffset = shift
        previous = Array(wave[shift..<(shift + Self.samplesOut)])
        guard shift > 0 else { return wave }
        return previous + [Float](repeating: 0, count: Self.samplesIn - Self.samplesOut)
    }
}
