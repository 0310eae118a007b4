import Testing
@testable import AudioAnalysis

@Suite struct BeatEvaluationTests {
    @Test func scoresHandComputedCases() {
        let reference = [1.0, 2.0, 3.0, 4.0]
        let perfect = BeatEvaluation.score(detected: reference.map { $0 + 0.05 }, reference: reference)
        #expect(perfect.fMeasure == 1)
        // One beat 80 ms late (outside ±70 ms), one extra: P = 3/5, R = 3/4, F = 2/3.
        let mixed = BeatEvaluation.score(detected: [1.0, 2.08, 3.0, 3.5, 4.0], reference: reference)
        #expect(mixed.matched == 3 && abs(mixed.fMeasure - 2.0 / 3.0) < 1e-12)
        // Each detection matches one reference only.
        let doubled = BeatEvaluation.score(detected: [1.0, 1.01], reference: [1.0])
        #expect(doubled.matched == 1 && doubled.precision == 0.5)
    }
}
