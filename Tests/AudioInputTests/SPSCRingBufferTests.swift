import Foundation
import Testing
@testable import AudioInput

@Suite struct SPSCRingBufferTests {
    @Test func wrapsAroundAndKeepsOrder() {
        let ring = SPSCRingBuffer(capacity: 8)
        var out = [Float](repeating: 0, count: 8)
        for round in 0..<5 {
            let input = (0..<6).map { Float(round * 10 + $0) }
            #expect(input.withUnsafeBufferPointer { ring.write($0) } == 6)
            #expect(out.withUnsafeMutableBufferPointer { ring.read(into: $0) } == 6)
            #expect(Array(out[0..<6]) == input)
        }
    }

    @Test func dropsWhenFullAndCounts() {
        let ring = SPSCRingBuffer(capacity: 8)
        let input = (0..<11).map(Float.init)
        #expect(input.withUnsafeBufferPointer { ring.write($0, granule: 2) } == 8)
        #expect(ring.dropped == 3 && ring.available == 8)
    }

    @Test func producerAndConsumerThreadsAgree() async {
        let ring = SPSCRingBuffer(capacity: 1024)
        let total = 200_000
        let producer = Task.detached {
            var next = 0
            var chunk = [Float](repeating: 0, count: 97)
            while next < total {
                let n = min(97, total - next)
                for j in 0..<n { chunk[j] = Float(next + j) }
                let wrote = chunk.withUnsafeBufferPointer { ring.write(UnsafeBufferPointer(rebasing: $0[0..<n])) }
                next += wrote
                if wrote == 0 { await Task.yield() }
            }
        }
        var expected = 0
        var ok = true
        var out = [Float](repeating: 0, count: 61)
        while expected < total {
            let n = out.withUnsafeMutableBufferPointer { ring.read(into: $0) }
            for j in 0..<n where out[j] != Float(expected + j) { ok = false }
            expected += n
            if n == 0 { await Task.yield() }
        }
        await producer.value
        #expect(ok && expected == total)
    }
}
