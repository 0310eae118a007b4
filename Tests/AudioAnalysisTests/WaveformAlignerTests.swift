import Foundation
import Testing
@testable import AudioAnalysis

@Suite struct WaveformAlignerTests {
    @Test func geometryMatchesMilkdrop() {
        #expect(WaveformAligner.octaves == 6)
        #expect(WaveformAligner.samples == [576, 288, 144, 72, 36, 18])
        #expect(WaveformAligner.spacing == [96, 48, 24, 12, 6, 3])
        // Octave 0 compares 480 samples; weight > 0 needs 2n/480 > 0.64, i.e. n ≥ 154 (and symmetric).
        #expect(WaveformAligner.nonzero[0] == 154...325)
        let w = WaveformAligner.weights[0]
        #expect(w[240] == 1 && w[153] == 0)
        #expect(abs(w[160] - ((320.0 / 480 - 0.8) * 5 + 0.8)) < 1e-6)
    }

    /// A smooth signal whose window slides by 17 samples between frames is moved back so the drawn
    /// part stays put.
    @Test func slidingSignalIsHeldStill() {
        func smooth(_ i: Int) -> Float {
            let x = Double(i)
            return Float(60 * sin(x * 0.021) + 30 * sin(x * 0.047 + 1) + 15 * sin(x * 0.11))
        }
        var aligner = WaveformAligner()
        let first = aligner.align((0..<576).map { smooth($0 + 40) })
        let a = aligner.lastOffset
        // Shift the stream so the matching offset is a − 17 if that is reachable, else a + 17.
        let delta = a >= 17 ? 17 : -17
        let second = aligner.align((0..<576).map { smooth($0 + 40 + delta) })
        #expect(aligner.lastOffset == a - delta)
        let drawnFirst = a > 0 ? Array(first[0..<480]) : (0..<480).map { smooth($0 + 40) }
        #expect(zip(second[0..<480], drawnFirst).allSatisfy { abs($0 - $1) < 1e-3 })
    }

    @Test func zeroShiftLeavesTheWaveUntouched() {
        var aligner = WaveformAligner()
        let silence = [Float](repeating: 0, count: 576)
        #expect(aligner.align(silence) == silence && aligner.lastOffset == 0)
    }
}
