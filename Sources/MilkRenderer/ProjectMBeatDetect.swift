import Glibc

/// projectM 3.1.12's audio levels (`BeatDetect::getBeatVals`), for comparing frames with the reference tool.
///
/// MilkDrop's bass/mid/treb are band sums of an equalised spectrum relative to their long-term average (what
/// AudioAnalysis gives). projectM 3.1.12 instead squares a few *time-domain* samples of the frame's newest PCM
/// (its `pcmdataL/R`, newest first, at int16/16384 scale: the array it hands `getBeatVals` is not the FFT), at the
/// even indices 2…10 (bass), 12…92 (mid) and 94…800 (treble), divides by an 80-frame average, smooths `_att` as
/// 0.6·att + 0.4·value and clamps at 100. With no sound every level is 0 (MilkDrop reports 1). The same history
/// scales its waveform by 1.5/√vol_history (`getPCMScale`).
public struct ProjectMBeatDetect: Sendable, Equatable {
    /// Frames of history (BEAT_HISTORY_LENGTH).
    public static let historyLength = 80
    /// projectM's sample scale: int16 / 16384, i.e. twice our −1…1 floats.
    public static let sampleScale: Float = 2

    private var buffers = [[Float]](repeating: [Float](repeating: 0, count: historyLength), count: 4)
    private var histories: [Float] = [0, 0, 0, 0]
    private var position = 0
    /// The newest `ProjectMAudio.ringLength` samples per channel, newest first, at projectM's scale.
    private var ringLeft = [Float](repeating: 0, count: ProjectMAudio.ringLength)
    private var ringRight = [Float](repeating: 0, count: ProjectMAudio.ringLength)
    private var newSamples = 0
    /// bass, mid, treb, vol and their attenuated values after the last update.
    public private(set) var levels: [Float] = [0, 0, 0, 0]
    public private(set) var attenuated: [Float] = [0, 0, 0, 0]

    public init() {}

    /// The 80-frame average of the instant volume, which the waveform scale divides by.
    public var volumeHistory: Float { histories[3] }

    /// projectM's waveform gain `1.5 / max(0.0001, √vol_history)`.
    public var waveformScale: Float { 1.5 / max(0.0001, volumeHistory.squareRoot()) }

    /// Advances one frame with the frame's new samples (−1…1, oldest first, as AudioInput gives them).
    public mutating func update(left: [Float], right: [Float]) {
        let count = min(left.count, right.count)
        // Newest first at projectM's scale; indices past the frame's new samples read 0 (a fresh buffer).
        func sample(_ values: [Float], _ i: Int) -> Float { i < count ? values[count - 1 - i] * Self.sampleScale : 0 }
        let ranges: [(Int, Int, Float)] = [(0, 5, 100), (5, 46, 100), (46, 400, 90)]
        var instants: [Float] = []
        for (low, high, gain) in ranges {
            var sum: Float = 0
            for i in (low + 1)...high {
                let l = sample(left, i * 2), r = sample(right, i * 2)
                sum += l * l + r * r
            }
            instants.append(sum * Float(Double(gain) / Double(high - low)))
        }
        instants.append((instants[0] + instants[1] + instants[2]) / 3)
        let share = Float(1.0 / Double(Self.historyLength))
        for b in 0..<4 {
            histories[b] -= buffers[b][position] * share
            buffers[b][position] = instants[b]
            histories[b] += instants[b] * share
        }
        for b in 0..<3 {
            let value = instants[b] / max(0.0001, 1.3 * histories[b] + 0.2 * histories[3])
            levels[b] = value.isNaN ? 0 : value
        }
        levels[3] = instants[3] / max(0.0001, 1.5 * histories[3])
        for b in 0..<4 {
            attenuated[b] = 0.6 * attenuated[b] + 0.4 * levels[b]
            attenuated[b] = min(attenuated[b], 100)
            levels[b] = min(levels[b], 100)
        }
        position = (position + 1) % Self.historyLength
        newSamples = min(count, ProjectMAudio.ringLength)
        ringLeft = Self.pushed(left, count: count, onto: ringLeft)
        ringRight = Self.pushed(right, count: count, onto: ringRight)
    }

    /// `ring` with the first `count` of `values` (oldest first) added at its newest end, scaled to projectM's units.
    private static func pushed(_ values: [Float], count: Int, onto ring: [Float]) -> [Float] {
        let length = ring.count
        let fresh = min(count, length)
        var out = [Float](repeating: 0, count: length)
        for i in 0..<fresh { out[i] = values[count - 1 - i] * sampleScale }
        for i in fresh..<length { out[i] = ring[i - fresh] }
        return out
    }

    /// The sound projectM's waves are drawn from after the last update.
    public var audio: ProjectMAudio {
        ProjectMAudio(left: ringLeft, right: ringRight, newSamples: newSamples, scale: waveformScale)
    }

    /// The frame's inputs with projectM's levels and its normalised waveform (newest sample first, scaled by
    /// `waveformScale`, in the ±128 units MainWaveform expects; `RenderCompatibility` adjusts the wave scale).
    public func apply(to inputs: inout LayerFrameInputs, left: [Float], right: [Float]) {
        inputs.bass = levels[0]
        inputs.mid = levels[1]
        inputs.treble = levels[2]
        inputs.volume = levels[3]
        inputs.bassAttenuated = attenuated[0]
        inputs.midAttenuated = attenuated[1]
        inputs.trebleAttenuated = attenuated[2]
        let count = min(left.count, right.count)
        let gain = waveformScale * Self.sampleScale * 128
        func wave(_ values: [Float]) -> [Float] {
            (0..<LayerFrameInputs.waveformSamples).map { i in i < count ? values[count - 1 - i] * gain : 0 }
        }
        inputs.waveformLeft = wave(left)
        inputs.waveformRight = wave(right)
        inputs.projectM = audio
    }
}
