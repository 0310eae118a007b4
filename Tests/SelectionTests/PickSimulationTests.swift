import AudioAnalysis
import Determinism
import Foundation
import Testing
@testable import Selection

@Suite struct PickSimulationTests {
    /// A generated track alternating 8 s of silence (calm) and 8 s of a drum loop (loud), analysed at 30 fps.
    static func alternatingTrackFrames(fps: Double) throws -> [FrameAudio] {
        var segments: [TestSignal.Segment] = []
        for _ in 0..<3 { segments += [.silence(seconds: 8), .playing(bpm: 120, beats: 16)] }
        let signal = TestSignal(style: .loop, segments: segments, noise: 0.02, seed: 7)
        let (left, right) = signal.render()
        let analyzer = try AudioAnalyzer(sampleRate: signal.sampleRate, fps: fps)
        let count = Int(signal.duration * fps)
        return (0..<count).map { i in
            let a = Int(Double(i) * Double(signal.sampleRate) / fps), b = min(left.count, Int(Double(i + 1) * Double(signal.sampleRate) / fps))
            return analyzer.analyze(left: Array(left[a..<b]), right: Array(right[a..<b]))
        }
    }

    @Test func picksFollowIntensityOnAGeneratedTrack() throws {
        let fps = 30.0
        let frames = try Self.alternatingTrackFrames(fps: fps)
        let pairs = spreadPairs(9, quality: { _ in 0.5 })
        let sim = PickSimulation.run(picker: Picker(pairs: pairs), seed: 1, fps: fps, switchEvery: 1,
                                     frameCount: frames.count, packMeanQuality: 0.5) { frames[$0] }
        #expect(sim.records.count == 48)
        let rho = try #require(sim.summary.rankCorrelation)
        print("generated calm/loud track: " + PickSimulation.describe(sim.summary))
        #expect(rho > 0.5, "rank correlation \(rho)")
        #expect(sim.summary.repeatShare == 0)
        #expect(sim.summary.fallbackPicks == 0)
        let svg = sim.svg()
        #expect(svg.hasPrefix("<svg") && svg.contains("<polyline") && svg.components(separatedBy: "<circle").count == 49)
    }

    @Test func framesWithoutAudioArePickedAtRandom() {
        let sim = PickSimulation.run(picker: Picker(pairs: spreadPairs(4)), seed: 1, fps: 10, switchEvery: 1,
                                     frameCount: 50, packMeanQuality: 0.5) { _ in nil }
        #expect(sim.summary.picks == 5 && sim.summary.fallbackPicks == 5)
        #expect(sim.summary.rankCorrelation == nil)
        #expect(sim.records.allSatisfy { $0.mode == .random })
    }

    @Test func spearmanHandlesTiesAndConstants() {
        #expect(RankCorrelation.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(RankCorrelation.spearman([1, 2, 3], [10, 20, 30]) == 1)
        #expect(RankCorrelation.spearman([1, 2, 3], [3, 2, 1]) == -1)
        #expect(RankCorrelation.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }
}
