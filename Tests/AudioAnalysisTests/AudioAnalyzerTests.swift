import Determinism
import Foundation
import Testing
@testable import AudioAnalysis

/// Feeds `seconds` of a generated signal through an analyser at 60 fps and returns every frame.
func analyse(sampleRate: Int = 44100, seconds: Double, fps: Int = 60, _ signal: (Double) -> Float) throws -> [FrameAudio] {
    let analyzer = try AudioAnalyzer(sampleRate: sampleRate, fps: Double(fps))
    var frames: [FrameAudio] = []
    var i = 0
    while Double(i + 1) / Double(fps) <= seconds {
        let a = i * sampleRate / fps, b = (i + 1) * sampleRate / fps
        let samples = (a..<b).map { signal(Double($0) / Double(sampleRate)) }
        frames.append(analyzer.analyze(left: samples, right: samples))
        i += 1
    }
    return frames
}

@Suite struct AudioAnalyzerTests {
    /// Quiet noise for 3 s, then the noise plus a steady sine: the sine's band jumps, the others stay near 1.
    func levels(afterAdding hz: Double) throws -> BandLevels {
        var rng = SeededRandom(seed: 5)
        let noise = (0..<(44100 * 4)).map { _ in 0.01 * rng.bipolar() }
        let frames = try analyse(seconds: 3.2) { t in
            let i = Int(t * 44100)
            return noise[i] + (t >= 3 ? Float(0.3 * sin(2 * Double.pi * hz * t)) : 0)
        }
        return frames[frames.count - 2].levels
    }

    /// MilkDrop's equaliser (≈0.02·k/512 near DC) makes a 100 Hz sine weak against noise, so "raised"
    /// means above 2 and at least 1.5 times each other band.
    func raised(_ band: Float, over a: Float, _ b: Float) -> Bool {
        band > 2 && band > 1.5 * a && band > 1.5 * b
    }

    @Test func sine100HzRaisesBass() throws {
        let l = try levels(afterAdding: 100)
        #expect(raised(l.bass, over: l.mid, l.treb))
    }

    @Test func sine5kHzRaisesMid() throws {
        let l = try levels(afterAdding: 5000)
        #expect(raised(l.mid, over: l.bass, l.treb))
    }

    @Test func sine9kHzRaisesTreb() throws {
        let l = try levels(afterAdding: 9000)
        #expect(raised(l.treb, over: l.bass, l.mid))
    }

    @Test func waveformIsNewest576AtEightBitScale() throws {
        let frames = try analyse(seconds: 2.0 / 60) { _ in 0.5 }
        let f = frames[1]
        #expect(f.waveformLeft.count == 576 && f.waveformRight.count == 576)
        #expect(f.waveformLeft[0..<480].allSatisfy { $0 == 64 })
        #expect(f.spectrumLeft.count == 512 && f.spectrumRight.count == 512)
    }

    @Test func silenceGivesNeutralLevelsAndZeroFeatures() throws {
        let frames = try analyse(seconds: 2) { _ in 0 }
        let f = try #require(frames.last)
        #expect(f.levels == .neutral)
        #expect(f.energy01 == 0 && f.accent01 == 0 && f.beatPulse01 == 0 && f.intensity01 == 0)
        #expect(f.bpm == 0 && f.beats.isEmpty)
    }

    @Test func seedFeaturesStayInRangeAndFollowTheMusic() throws {
        let signal = TestSignal.steady(bpm: 120, seconds: 10, noise: 0.01)
        let (l, _) = signal.render()
        let frames = try analyse(seconds: 10) { t in l[min(l.count - 1, Int(t * 44100))] }
        for f in frames {
            for v in [f.energy01, f.accent01, f.beatPulse01, f.intensity01] { #expect(v >= 0 && v <= 1) }
        }
        let late = frames.suffix(300)
        #expect(late.contains { $0.beatPulse01 == 1 })
        #expect(late.map(\.accent01).max() ?? 0 > 0.5)
        #expect(late.map(\.intensity01).reduce(0, +) / Float(late.count) > 0.3)
        // Energy peaks on the hits and dips between them.
        #expect((late.map(\.energy01).max() ?? 0) - (late.map(\.energy01).min() ?? 0) > 0.2)
    }

    @Test func rejectsBadParameters() {
        #expect(throws: AudioAnalysisError.self) { try AudioAnalyzer(sampleRate: 100, fps: 60) }
        #expect(throws: AudioAnalysisError.self) { try AudioAnalyzer(sampleRate: 44100, fps: 0) }
    }
}

extension AudioAnalyzerTests {
    @Test func silentFrameMatchesWhatTheAnalyserReportsForSilence() throws {
        let analysed = try #require(try analyse(seconds: 1) { _ in 0 }.last)
        let made = FrameAudio.silent(frame: analysed.frame, fps: 60)
        #expect(made.levels == analysed.levels && made.waveformLeft == analysed.waveformLeft)
        #expect(made.spectrumLeft == analysed.spectrumLeft && made.intensity01 == analysed.intensity01)
        #expect(made.time == analysed.time)
    }
}
