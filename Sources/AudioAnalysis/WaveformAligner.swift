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

    /// Mips of the previous frame's aligned 480 samples (zero-padded to 576) and of the new frame,
    /// each level stored at `levelStart[o]` in one flat buffer, so aligning allocates nothing.
    private var oldMips: [Float]
    private var newMips: [Float]
    static let levelStart: [Int] = (0..<octaves).map { o in samples[0..<o].reduce(0, +) }
    static let mipCount = samples.reduce(0, +)
    /// The shift chosen for the last frame.
    public private(set) var lastOffset = 0

    public init() {
        oldMips = [Float](repeating: 0, count: Self.mipCount)
        newMips = oldMips
    }

    /// Fills every level above 0: level o+1 averages pairs of level o.
    static func buildMips(_ m: UnsafeMutableBufferPointer<Float>) {
        for o in 1..<octaves {
            let src = levelStart[o - 1], dst = levelStart[o]
            for n in 0..<samples[o] { m[dst + n] = 0.5 * (m[src + 2 * n] + m[src + 2 * n + 1]) }
        }
    }

    /// Halved-resolution copies ("mips") of a waveform, level by level (for tests).
    static func mips(_ wave: [Float]) -> [[Float]] {
        var flat = [Float](repeating: 0, count: mipCount)
        for i in 0..<min(wave.count, samplesIn) { flat[i] = wave[i] }
        flat.withUnsafeMutableBufferPointer { buildMips($0) }
        return (0..<octaves).map { Array(flat[levelStart[$0]..<(levelStart[$0] + samples[$0])]) }
    }

    /// The best shift of the new mips against the old ones, coarse to fine.
    private static func bestOffset(new: UnsafeBufferPointer<Float>, old: UnsafeBufferPointer<Float>) -> Int {
        var n1 = 0, n2 = Self.spacing[Self.octaves - 1]
        for o in stride(from: Self.octaves - 1, through: 0, by: -1) {
            var best = -1
            var bestError: Float = 0
            let base = Self.levelStart[o]
            Self.weights[o].withUnsafeBufferPointer { w in
                for n in n1..<max(n1, n2) {
                    var error: Float = 0
                    for i in Self.nonzero[o] { error += abs((new[base + i + n] - old[base + i]) * w[i]) }
                    if best == -1 || error < bestError { best = n; bestError = error }
                }
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
        let shift: Int = newMips.withUnsafeMutableBufferPointer { nm in
            for i in 0..<Self.samplesIn { nm[i] = wave[i] }
            Self.buildMips(nm)
            let old = oldMips
            return old.withUnsafeBufferPointer { Self.bestOffset(new: UnsafeBufferPointer(nm), old: $0) }
        }
        lastOffset = shift
        var out = wave
        if shift > 0 {
            for i in 0..<Self.samplesOut { out[i] = wave[i + shift] }
            for i in Self.samplesOut..<Self.samplesIn { out[i] = 0 }
        }
        // The next frame compares against what is drawn now: the first 480 aligned samples.
        oldMips.withUnsafeMutableBufferPointer { om in
            for i in 0..<Self.samplesOut { om[i] = wave[i + shift] }
            for i in Self.samplesOut..<Self.samplesIn { om[i] = 0 }
            Self.buildMips(om)
        }
        return out
    }
}
