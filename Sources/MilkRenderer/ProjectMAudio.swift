import Glibc

/// The sound data projectM 3.1.12 draws a frame's waves from, for `--compat projectm`.
///
/// projectM keeps a 2,048-sample ring per channel at int16/16384 scale. Its main waveform reads the frame's new
/// samples newest first (`pcmdataL/R`, as many as arrived, up to 2,048); custom waves read the newest `samples`
/// of the ring (`PCM::getPCM`), optionally smoothed and transformed. Both are multiplied by the volume
/// normalisation `BeatDetect::getPCMScale` (`scale`).
public struct ProjectMAudio: Sendable, Equatable {
    /// projectM's ring length (`PCM::maxsamples`).
    public static let ringLength = 2048

    /// The newest `ringLength` samples per channel, newest first, at projectM's scale.
    public var left: [Float]
    public var right: [Float]
    /// How many samples arrived with this frame (projectM's `numsamples`, which the circle and line modes draw).
    public var newSamples: Int
    /// `getPCMScale()`: 1.5 / √(80-frame volume average).
    public var scale: Float

    public init(left: [Float], right: [Float], newSamples: Int, scale: Float) {
        self.left = left
        self.right = right
        self.newSamples = newSamples
        self.scale = scale
    }

    /// A channel's sample `index` (newest first); 0 past the ring.
    @inline(__always) func sample(_ channel: [Float], _ index: Int) -> Float {
        index >= 0 && index < channel.count ? channel[index] : 0
    }

    /// A custom wave's value1 (`right == false`) or value2 as projectM's `Waveform::Draw` computes them: the newest
    /// `count` samples, smoothed forward by `smoothing`, for spectrum waves transformed as Ooura's `rdft` leaves
    /// them (packed cos/sin sums, ×0.015), then × `scaling` × `scale`.
    public func customWaveValues(count: Int, right useRight: Bool, spectrum: Bool, smoothing: Float, scaling: Float) -> [Float] {
        guard count > 0 else { return [] }
        let channel = useRight ? right : left
        var values = [Float](repeating: 0, count: count)
        values[0] = sample(channel, 0)
        for i in 1..<max(count, 1) {
            values[i] = smoothing == 0 ? sample(channel, i) : (1 - smoothing) * sample(channel, i) + smoothing * values[i - 1]
        }
        if spectrum { values = Self.packedRealDFT(values) }
        let gain = scaling * (spectrum ? 0.015 : 1) * scale
        return values.map { $0 * gain }
    }

    /// The real DFT laid out as Ooura's `rdft(n, 1, a)` returns it: a[0] = Σx, a[1] = Σx·(−1)^j, then
    /// a[2k] = Σx·cos(2πjk/n) and a[2k+1] = Σx·sin(2πjk/n) for 0 < k < n/2.
    static func packedRealDFT(_ x: [Float]) -> [Float] {
        let n = x.count
        guard n >= 2 else { return x }
        var out = [Float](repeating: 0, count: n)
        var sum = 0.0, alternating = 0.0
        for (j, value) in x.enumerated() {
            sum += Double(value)
            alternating += j % 2 == 0 ? Double(value) : -Double(value)
        }
        out[0] = Float(sum)
        out[1] = Float(alternating)
        let cosines = (0..<n).map { cos(2 * Double.pi * Double($0) / Double(n)) }
        let sines = (0..<n).map { sin(2 * Double.pi * Double($0) / Double(n)) }
        var k = 1
        while 2 * k + 1 < n {
            var re = 0.0, im = 0.0
            for j in 0..<n {
                let phase = (j * k) % n
                re += Double(x[j]) * cosines[phase]
                im += Double(x[j]) * sines[phase]
            }
            out[2 * k] = Float(re)
            out[2 * k + 1] = Float(im)
            k += 1
        }
        return out
    }
}
