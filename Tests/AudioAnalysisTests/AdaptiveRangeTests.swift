import Foundation
import Testing
@testable import AudioAnalysis

@Suite struct AdaptiveRangeTests {
    /// 10 s sections alternating a quiet two-note tone (about −28 dBFS) and a loud drum loop with noise.
    static func calmLoudTrack() -> (Double) -> Float {
        let loop = TestSignal.steady(bpm: 120, seconds: 10, noise: 0.05, seed: 3).render().left
        return { t in
            let section = Int(t / 10), local = t - Double(section) * 10
            if section % 2 == 0 { return Float(0.03 * (sin(2 * .pi * 220 * t) + sin(2 * .pi * 277 * t))) }
            return loop[min(loop.count - 1, Int(local * 44100))]
        }
    }

    /// Regression: `intensity01` rarely spanned 0…1 (quiet music sat near 0.3, loud near 0.65), so the picker
    /// never saw a calm or a peak. On a calm/loud track it must now use most of its range.
    @Test func intensityUsesMostOfItsRangeOnACalmLoudTrack() throws {
        let frames = try analyse(seconds: 60, fps: 30, Self.calmLoudTrack())
        let values = frames.map { Double($0.intensity01) }.sorted()
        let p10 = values[values.count / 10], p90 = values[values.count * 9 / 10]
        #expect(p10 < 0.3 && p90 > 0.75, "p10 \(p10), p90 \(p90)")
        #expect(p90 - p10 > 0.55)
        // Every calm section reads calmer than every loud one (their last 5 s, once settled).
        func mean(_ section: Int) -> Double {
            let part = frames.filter { $0.time >= Double(section) * 10 + 5 && $0.time < Double(section + 1) * 10 }
            return part.reduce(0) { $0 + Double($1.intensity01) } / Double(part.count)
        }
        let calm = [0, 2, 4].map(mean), loud = [1, 3, 5].map(mean)
        #expect((calm.max() ?? 1) < 0.35 && (loud.min() ?? 0) > 0.7, "calm \(calm), loud \(loud)")
    }

    @Test func steadyMusicSitsNearTheMiddleAndSilenceIsZero() {
        var range = AdaptiveRange()
        var out = 0.0
        for _ in 0..<3000 { out = range.update(0.5, dt: 1.0 / 30) }
        // position 0.5 (no range), absolute 0.5/0.75: 0.4·0.667 + 0.3.
        #expect(abs(out - (0.4 * 0.5 / 0.75 + 0.3)) < 1e-9)
        var features = LevelFeatures()
        let silent = (0..<60).map { _ in features.update(rms: 0, onsets: [], beatPulse01: 0, dt: 1.0 / 30) }
        #expect(silent.allSatisfy { $0.intensity01 == 0 })
    }
}
