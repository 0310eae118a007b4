import AudioAnalysis
import Foundation
import Testing
@testable import AudioInput

@Suite struct SndfileTests {
    @Test func writesAndReadsBackAWAV() throws {
        let dir = try ScratchDirectory("wav")
        defer { dir.cleanUp() }
        let path = dir.file("ramp.wav")
        let left = (0..<1000).map { Float($0 % 200 - 100) / 128 }
        let right = left.map { -$0 }
        let writer = try SndfileWriter(path: path, sampleRate: 48000, channels: 2, kind: .wav16)
        try writer.write(left: left, right: right)
        try writer.close()

        let reader = try SndfileReader(path: path)
        #expect(reader.sampleRate == 48000 && reader.channels == 2 && reader.frameCount == 1000)
        let (l, r) = try reader.read(frames: 2000)
        #expect(l.count == 1000)
        // libsndfile scales float↔16-bit by 32767 one way and 32768 the other: within 2 LSB.
        #expect(zip(l, left).allSatisfy { abs($0 - $1) <= 2.0 / 32768 })
        #expect(zip(r, right).allSatisfy { abs($0 - $1) <= 2.0 / 32768 })
    }

    @Test func monoIsDuplicated() throws {
        let dir = try ScratchDirectory("mono")
        defer { dir.cleanUp() }
        let path = dir.file("mono.wav")
        let w = try SndfileWriter(path: path, sampleRate: 44100, channels: 1, kind: .wavFloat)
        try w.write(left: [0.25, -0.5], right: [0, 0])
        try w.close()
        let (l, r) = try SndfileReader(path: path).read(frames: 2)
        #expect(l == [0.25, -0.5] && r == l)
    }

    @Test func unreadableFileNamesTheFile() throws {
        let dir = try ScratchDirectory("bad")
        defer { dir.cleanUp() }
        let path = dir.file("not-audio.wav")
        try "hello".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SndfileReader(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("not-audio.wav"))
        }
        #expect(throws: AudioInputError.self) { try FileAudioSource(path: dir.file("missing.flac")) }
    }
}

extension SndfileTests {
    /// FLAC, Ogg Vorbis and MP3 written by libsndfile decode back and analyse to the same tempo as the signal.
    @Test(arguments: [("loop.flac", SndfileWriter.Kind.flac16), ("loop.ogg", .oggVorbis), ("loop.mp3", .mp3)])
    func compressedFormatsDecodeAndAnalyse(_ name: String, _ kind: SndfileWriter.Kind) throws {
        let dir = try ScratchDirectory("codec")
        defer { dir.cleanUp() }
        let signal = TestSignal.steady(bpm: 120, seconds: 8, noise: 0.01, seed: 41)
        let (l, r) = signal.render()
        let path = dir.file(name)
        let w = try SndfileWriter(path: path, sampleRate: 44100, channels: 2, kind: kind)
        try w.write(left: l, right: r)
        try w.close()
        let source = try FileAudioSource(path: path)
        // MP3 frames pad the start and end a little.
        #expect(abs(source.duration - Double(l.count) / 44100) < 0.1)
        let feed = try AudioFeed(source: source, fps: 60)
        var last: FrameAudio?
        for _ in 0..<source.frameCount(fps: 60) { last = feed.next() }
        #expect(abs((last?.bpm ?? 0) / 120 - 1) < 0.01)
    }
}
