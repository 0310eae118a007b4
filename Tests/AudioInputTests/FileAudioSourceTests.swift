import AudioAnalysis
import Foundation
import Testing
@testable import AudioInput

@Suite struct FileAudioSourceTests {
    @Test func frameRangesAreExactFloors() {
        #expect(FrameSampleRange.range(frame: 0, sampleRate: 44100, fps: 60) == 0..<735)
        #expect(FrameSampleRange.range(frame: 1, sampleRate: 44100, fps: 60) == 735..<1470)
        // 44100/7 = 6300 exactly; 48000/7 = 6857.14…
        #expect(FrameSampleRange.range(frame: 3, sampleRate: 48000, fps: 7) == 20571..<27428)
        // Non-integer fps: floor(i·rate/fps) with 29.97
        #expect(FrameSampleRange.range(frame: 1, sampleRate: 48000, fps: 29.97) == 1601..<3203)
        // Ranges tile the stream with no gap or overlap.
        var end = 0
        for i in 0..<1000 {
            let r = FrameSampleRange.range(frame: i, sampleRate: 44100, fps: 144)
            #expect(r.lowerBound == end)
            end = r.upperBound
        }
    }

    @Test func fileFramesAreTheExactSamples() throws {
        let dir = try ScratchDirectory("frames")
        defer { dir.cleanUp() }
        let path = dir.file("count.wav")
        // Sample k holds k/65536 (exact in float WAV), so each frame shows which samples it got.
        let n = 10_000
        let values = (0..<n).map { Float($0) / 65536 }
        let w = try SndfileWriter(path: path, sampleRate: 44100, channels: 2, kind: .wavFloat)
        try w.write(left: values, right: values)
        try w.close()
        let source = try FileAudioSource(path: path)
        for i in [0, 1, 5, 2, 13] {
            let block = try source.block(forFrame: i, fps: 60)
            let r = FrameSampleRange.range(frame: i, sampleRate: 44100, fps: 60)
            #expect(block.left == r.map { $0 < n ? Float($0) / 65536 : 0 })
        }
        #expect(source.frameCount(fps: 60) == 14)
        #expect(source.status == .finished)
    }

    @Test func syntheticSourceIsDeterministicAndTiles() throws {
        let a = SyntheticAudioSource(seed: 3), b = SyntheticAudioSource(seed: 3)
        let x = try a.block(forFrame: 17, fps: 60), y = try b.block(forFrame: 17, fps: 60)
        #expect(x == y && x.left.count == 735)
        #expect(x.left.contains { $0 != 0 })
        let silent = try SyntheticAudioSource(silenceAt: 48000).block(forFrame: 0, fps: 60)
        #expect(silent.left.count == 800 && silent.left.allSatisfy { $0 == 0 } && !silent.fallback)
    }

    @Test func feedAnalysesASourceFrameByFrame() throws {
        let feed = try AudioFeed(source: SyntheticAudioSource(seed: 1), fps: 60)
        let frames = (0..<300).map { _ in feed.next() }
        #expect(frames.map(\.frame) == Array(0..<300))
        #expect(frames.contains { !$0.beats.isEmpty })
    }
}
