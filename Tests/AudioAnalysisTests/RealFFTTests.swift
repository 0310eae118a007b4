import Foundation
import Testing
@testable import AudioAnalysis

@Suite struct RealFFTTests {
    @Test func sineLandsInItsBin() throws {
        let fft = try RealFFT(size: 1024)
        // 37 cycles per 1024 samples: all the energy in bin 37.
        for i in 0..<1024 { fft.input[i] = 0.5 * sin(2 * Double.pi * 37 * Double(i) / 1024) }
        fft.execute()
        let mags = (0...512).map { fft.magnitude($0) }
        let peak = mags.indices.max { mags[$0] < mags[$1] }
        #expect(peak == 37)
        #expect(abs(mags[37] - 0.5 * 512) < 1e-6)
        #expect(mags[36] < 1e-6 && mags[38] < 1e-6)
        #expect(abs(fft.imag(37) + 256) < 1e-6)
    }

    @Test func rejectsSizesThatAreNotPowersOfTwo() {
        #expect(throws: AudioAnalysisError.self) { try RealFFT(size: 1000) }
        #expect(throws: AudioAnalysisError.self) { try RealFFT(size: 0) }
    }

    @Test func plansFromManyThreadsAtOnce() async throws {
        // The planner lock must make concurrent planning safe.
        try await withThrowingTaskGroup(of: Double.self) { group in
            for n in 0..<8 {
                group.addTask {
                    let fft = try RealFFT(size: 256 << (n % 3))
                    fft.input[0] = 1
                    fft.execute()
                    return fft.magnitude(1)
                }
            }
            for try await m in group { #expect(abs(m - 1) < 1e-12) }
        }
    }
}
