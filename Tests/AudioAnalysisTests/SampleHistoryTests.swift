import Testing
@testable import AudioAnalysis

@Suite struct SampleHistoryTests {
    @Test func copiesTheNewestAndPadsWithSilence() {
        var h = SampleHistory(capacity: 8)
        let a: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
        a.withUnsafeBufferPointer { h.append($0) }
        var out = [Float](repeating: -1, count: 6)
        out.withUnsafeMutableBufferPointer { h.copy(count: 6, endingBefore: 10, into: $0.baseAddress!) }
        #expect(out == [5, 6, 7, 8, 9, 10])
        // Older than the ring, or in the future: silence.
        out.withUnsafeMutableBufferPointer { h.copy(count: 6, endingBefore: 6, into: $0.baseAddress!) }
        #expect(out == [0, 0, 3, 4, 5, 6])
        out.withUnsafeMutableBufferPointer { h.copy(count: 6, endingBefore: 13, into: $0.baseAddress!) }
        #expect(out == [8, 9, 10, 0, 0, 0])
        #expect(h.sample(at: 9) == 10 && h.sample(at: 1) == 0 && h.sample(at: 10) == 0)
    }
}

extension SampleHistoryTests {
    /// Regression guard for the run-based copy: windows entirely before the ring, or wrapping it.
    @Test func copiesWindowsOutsideAndAcrossTheRing() {
        var h = SampleHistory(capacity: 8)
        let a = (1...20).map(Float.init)
        a.withUnsafeBufferPointer { h.append($0) }
        var out = [Float](repeating: -1, count: 4)
        out.withUnsafeMutableBufferPointer { h.copy(count: 4, endingBefore: 3, into: $0.baseAddress!) }
        #expect(out == [0, 0, 0, 0])
        var wide = [Float](repeating: -1, count: 8)
        // Samples 12…19 (values 13…20) straddle the ring's wrap point.
        wide.withUnsafeMutableBufferPointer { h.copy(count: 8, endingBefore: 20, into: $0.baseAddress!) }
        #expect(wide == (13...20).map(Float.init))
    }
}
