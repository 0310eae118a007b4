import Determinism
import Foundation

/// A seeded synthetic track with exactly known beat times, for tests, demos and `--audio synth`.
public struct TestSignal: Sendable {
    /// How the beats are played.
    public enum Style: String, Sendable, Codable {
        /// A 1 kHz click on every beat (higher on the downbeat).
        case click
        /// Kick on beats 1 and 3, snare on 2 and 4, closed hats on eighths, a bass note per beat.
        case loop
        /// Kick on every beat, a saw bassline in eighths, hats on the off-beats (dance music).
        case fourOnTheFloor
    }

    /// One stretch of the track: `beats` beats at `bpm`, or `seconds` of silence when `bpm` is nil.
    public struct Segment: Sendable {
        public var bpm: Double?
        public var beats: Int
        public var seconds: Double
        public static func playing(bpm: Double, beats: Int) -> Segment { Segment(bpm: bpm, beats: beats, seconds: Double(beats) * 60 / bpm) }
        public static func silence(seconds: Double) -> Segment { Segment(bpm: nil, beats: 0, seconds: seconds) }
    }

    public var sampleRate: Int
    public var style: Style
    public var segments: [Segment]
    /// White-noise amplitude added everywhere except silent segments (0 = none).
    public var noise: Float
    public var seed: UInt64

    public init(sampleRate: Int = 44100, style: Style = .loop, segments: [Segment], noise: Float = 0, seed: UInt64 = 1) {
        self.sampleRate = sampleRate
        self.style = style
        self.segments = segments
        self.noise = noise
        self.seed = seed
    }

    /// A steady loop at `bpm` lasting about `seconds`.
    public static func steady(bpm: Double, seconds: Double, style: Style = .loop, noise: Float = 0, seed: UInt64 = 1) -> TestSignal {
        TestSignal(style: style, segments: [.playing(bpm: bpm, beats: Int(seconds * bpm / 60))], noise: noise, seed: seed)
    }

    /// Beat times in seconds; the first beat of each playing segment is at its start.
    public var beatTimes: [Double] {
        var t = 0.0, out: [Double] = []
        for s in segments {
            if let bpm = s.bpm { for k in 0..<s.beats { out.append(t + Double(k) * 60 / bpm) } }
            t += s.seconds
        }
        return out
    }

    /// Total length in seconds.
    public var duration: Double { segments.reduce(0) { $0 + $1.seconds } }

    /// Renders the stereo track, samples in −1…1.
    public func render() -> (left: [Float], right: [Float]) {
        let n = Int(duration * Double(sampleRate))
        var l = [Float](repeating: 0, count: n), r = l
        var rng = SeededRandom(seed: seed)
        let rate = Double(sampleRate)
        var t0 = 0.0
        for s in segments {
            defer { t0 += s.seconds }
            guard let bpm = s.bpm else { continue }
            let beat = 60 / bpm
            let start = Int(t0 * rate), end = min(n, Int((t0 + s.seconds) * rate))
            if noise > 0 { for i in start..<end { let x = noise * rng.bipolar(); l[i] += x; r[i] += x } }
            for k in 0..<s.beats {
                let tb = t0 + Double(k) * beat
                switch style {
                case .click:
                    addTone(&l, &r, at: tb, hz: k % 4 == 0 ? 1500 : 1000, amp: 0.6, decay: 0.015, length: 0.04, limit: end)
                case .loop:
                    if k % 2 == 0 { addKick(&l, &r, at: tb, limit: end) } else { addSnare(&l, &r, at: tb, rng: &rng, limit: end) }
                    addHat(&l, &r, at: tb, rng: &rng, limit: end)
                    addHat(&l, &r, at: tb + beat / 2, rng: &rng, limit: end)
                    let notes = [55.0, 55.0, 82.41, 73.42]
                    addTone(&l, &r, at: tb, hz: notes[k % 4], amp: 0.18, decay: beat * 0.35, length: beat * 0.95, limit: end)
                case .fourOnTheFloor:
                    addKick(&l, &r, at: tb, limit: end)
                    addHat(&l, &r, at: tb + beat / 2, rng: &rng, limit: end)
                    let notes = [55.0, 55.0, 65.41, 55.0, 73.42, 65.41, 49.0, 41.2]
                    for half in 0..<2 {
                        addSaw(&l, &r, at: tb + Double(half) * beat / 2, hz: notes[(2 * k + half) % 8], length: beat / 2, limit: end)
                    }
                }
            }
        }
        for i in 0..<n { l[i] = tanhf(l[i]); r[i] = tanhf(r[i]) }
        return (l, r)
    }

    private func span(_ t: Double, _ length: Double, _ limit: Int) -> Range<Int> {
        let a = Int((t * Double(sampleRate)).rounded())
        return a..<max(a, min(limit, a + Int(length * Double(sampleRate))))
    }

    private func addTone(_ l: inout [Float], _ r: inout [Float], at t: Double, hz: Double, amp: Float, decay: Double, length: Double, limit: Int) {
        let rate = Double(sampleRate)
        for i in span(t, length, limit) {
            let dt = Double(i) / rate - t
            let v = amp * Float(exp(-dt / decay) * sin(2 * Double.pi * hz * dt))
            l[i] += v; r[i] += v
        }
    }

    private func addSaw(_ l: inout [Float], _ r: inout [Float], at t: Double, hz: Double, length: Double, limit: Int) {
        let rate = Double(sampleRate)
        for i in span(t, length, limit) {
            let dt = Double(i) / rate - t
            let ph = hz * dt
            let v = 0.22 * Float((2 * (ph - ph.rounded(.down)) - 1) * min(1, dt * 200) * exp(-dt * 5))
            l[i] += v; r[i] += v
        }
    }

    private func addKick(_ l: inout [Float], _ r: inout [Float], at t: Double, limit: Int) {
        let rate = Double(sampleRate)
        var phase = 0.0
        for i in span(t, 0.35, limit) {
            let dt = Double(i) / rate - t
            let hz = 45 + 100 * exp(-dt / 0.03)
            phase += 2 * Double.pi * hz / rate
            let v = 0.9 * Float(exp(-dt / 0.12) * sin(phase))
            l[i] += v; r[i] += v
        }
    }

    private func addSnare(_ l: inout [Float], _ r: inout [Float], at t: Double, rng: inout SeededRandom, limit: Int) {
        let rate = Double(sampleRate)
        for i in span(t, 0.25, limit) {
            let dt = Double(i) / rate - t
            let env = Float(exp(-dt / 0.07))
            let v = env * (0.45 * rng.bipolar() + 0.3 * Float(sin(2 * Double.pi * 185 * dt)))
            l[i] += v; r[i] += v
        }
    }

    private func addHat(_ l: inout [Float], _ r: inout [Float], at t: Double, rng: inout SeededRandom, limit: Int) {
        let rate = Double(sampleRate)
        var prev: Float = 0
        for i in span(t, 0.06, limit) {
            let dt = Double(i) / rate - t
            let x = rng.bipolar()
            let v = 0.12 * Float(exp(-dt / 0.018)) * (x - prev)
            prev = x
            l[i] += 0.8 * v; r[i] += v
        }
    }
}
