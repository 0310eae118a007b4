import AudioAnalysis

/// Silence, or a seeded test signal with known beat times (looped), for tests, demos and `--audio synth`.
public final class SyntheticAudioSource: AudioSource {
    public let sampleRate: Int
    public let name: String
    public let signal: TestSignal?
    private let left: [Float]
    private let right: [Float]

    /// Silence at `sampleRate`.
    public init(silenceAt sampleRate: Int = 44100) {
        self.sampleRate = sampleRate
        name = "silence"
        signal = nil
        left = []
        right = []
    }

    /// The given test signal, rendered once and looped.
    public init(signal: TestSignal) {
        sampleRate = signal.sampleRate
        name = "synth"
        self.signal = signal
        (left, right) = signal.render()
    }

    /// The default demo signal: a 128 BPM kick/snare/hat/bass loop, 30 s, seed 1.
    public convenience init(seed: UInt64 = 1) {
        self.init(signal: .steady(bpm: 128, seconds: 30, noise: 0.01, seed: seed))
    }

    public var status: AudioSourceStatus { .running }

    public func block(forFrame index: Int, fps: Double) throws(AudioInputError) -> AudioBlock {
        let r = FrameSampleRange.range(frame: index, sampleRate: sampleRate, fps: fps)
        guard !left.isEmpty else { return .silence(r.count) }
        var l = [Float](repeating: 0, count: r.count), rr = l
        for (j, i) in r.enumerated() {
            let k = i % left.count
            l[j] = left[k]
            rr[j] = right[k]
        }
        return AudioBlock(left: l, right: rr)
    }
}
