import Foundation
import Testing
@testable import AudioAnalysis

@Suite struct MilkdropSpectrumTests {
    @Test func tablesMatchMilkdrop() {
        let eq = MilkdropSpectrum.equaliserTable()
        #expect(eq[0] == 0)
        #expect(abs(eq[256] - 0.0138629436) < 1e-9)  // −0.02·ln(0.5)
        #expect(abs(eq[511] - 0.1247664925) < 1e-9)  // −0.02·ln(1/512)
        let env = MilkdropSpectrum.envelopeTable()
        #expect(env.count == 576)
        #expect(abs(env[0]) < 1e-12 && abs(env[288] - 1) < 1e-12 && abs(env[144] - 0.5) < 1e-12)
    }

    @Test func sinePeakHasHandComputedHeight() throws {
        let analyser = try MilkdropSpectrum()
        // Bin 64 of the 1024-point FFT; amplitude 64 at 8-bit scale.
        let wave = (0..<576).map { i in Float(64 * sin(2 * Double.pi * 64 * Double(i) / 1024)) }
        let spectrum = analyser.spectrum(of: wave, damped: false)
        let peak = spectrum.indices.max { spectrum[$0] < spectrum[$1] }
        #expect(peak == 64)
        // |X| = A·Σw/2 = 64·288/2 = 9216, times the equaliser −0.02·ln(448/512).
        let expected = 9216 * (-0.02 * log(448.0 / 512.0))
        #expect(abs(Double(spectrum[64]) / expected - 1) < 1e-3)
    }

    @Test func dampingMatchesDefinition() {
        #expect(MilkdropSpectrum.damp([2, 4, 0, 8]) == [2, 3, 2, 4])
    }

    @Test func dcIsRemovedByTheEqualiser() throws {
        let analyser = try MilkdropSpectrum()
        let spectrum = analyser.spectrum(of: [Float](repeating: 50, count: 576), damped: true)
        #expect(spectrum[0] == 0)
    }
}
