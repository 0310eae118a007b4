import Foundation
import Testing
@testable import AudioAnalysis

/// MilkDrop 2's band maths (plugin.cpp `DoCustomSoundAnalysis`) against hand-computed values.
@Suite struct MilkdropBandsTests {
    @Test func rateIsRescaledToTheFrameRate() {
        #expect(abs(MilkdropBands.adjustRate(0.2, fps: 30) - 0.2) < 1e-6)
        // 0.992^(30/60) = 0.995992
        #expect(abs(MilkdropBands.adjustRate(0.992, fps: 60) - 0.995992) < 1e-6)
        // 0.5^(30/15) = 0.25
        #expect(abs(MilkdropBands.adjustRate(0.5, fps: 15) - 0.25) < 1e-6)
    }

    @Test func bandsAreTheBottomHalfInThirds() {
        #expect(MilkdropBands.ranges == [0..<85, 85..<170, 170..<256])
        var spectrum = [Float](repeating: 0, count: 512)
        spectrum[84] = 1; spectrum[85] = 2; spectrum[255] = 4; spectrum[256] = 8
        #expect(MilkdropBands.bandSums(spectrum) == [1, 2, 4])
    }

    @Test func firstTwoFramesMatchHandComputation() {
        var bands = MilkdropBands()
        let spectrum = [Float](repeating: 0.01, count: 512)  // band sums: 0.85, 0.85, 0.86
        let s: Float = 0.85
        let first = bands.update(spectrum: spectrum, frame: 0, fps: 30)
        // avg = 0·0.2 + s·0.8; long = 0·0.9 + s·0.1 → bass = 10, bass_att = 8
        #expect(abs(first.bass - 10) < 1e-4)
        #expect(abs(first.bassAtt - 8) < 1e-4)
        #expect(abs(first.treb - 10) < 1e-4)
        let second = bands.update(spectrum: spectrum, frame: 1, fps: 30)
        // avg = 0.8s·0.2 + 0.8s = 0.96s; long = 0.1s·0.9 + 0.1s = 0.19s
        #expect(abs(second.bass - 1 / 0.19) < 1e-4)
        #expect(abs(second.bassAtt - 0.96 / 0.19) < 1e-4)
        #expect(abs(bands.longAvg[0] - 0.19 * s) < 1e-6)
        #expect(abs(second.vol - (second.bass + second.mid + second.treb) * 0.333) < 1e-6)
    }

    @Test func fallingLevelUsesTheSlowerRate() {
        var bands = MilkdropBands()
        var spectrum = [Float](repeating: 0.01, count: 512)
        _ = bands.update(spectrum: spectrum, frame: 0, fps: 30)  // avg = 0.68
        spectrum = [Float](repeating: 0, count: 512)
        _ = bands.update(spectrum: spectrum, frame: 1, fps: 30)
        // Falling: avg = 0.68·0.5 + 0·0.5 = 0.34
        #expect(abs(bands.avg[0] - 0.34) < 1e-6)
    }

    @Test func longTermRateSwitchesAtFrameFifty() {
        var bands = MilkdropBands()
        let spectrum = [Float](repeating: 1.0 / 85, count: 512)  // bass sum 1
        for f in 0..<50 { _ = bands.update(spectrum: spectrum, frame: f, fps: 30) }
        let after50 = 1 - powf(0.9, 50)
        #expect(abs(bands.longAvg[0] - after50) < 1e-5)
        _ = bands.update(spectrum: spectrum, frame: 50, fps: 30)
        #expect(abs(bands.longAvg[0] - (after50 * 0.992 + 0.008)) < 1e-5)
    }

    @Test func silenceGivesOne() {
        var bands = MilkdropBands()
        let levels = bands.update(spectrum: [Float](repeating: 0, count: 512), frame: 0, fps: 60)
        #expect(levels == .neutral)
        #expect(abs(levels.vol - 0.999) < 1e-6)
    }
}
