import ArgumentParser
import AudioAnalysis
import AudioInput
import Foundation

/// `aivj analyze FILE`: every feature of every frame of a recording, reproducibly.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse an audio file (WAV, FLAC, OGG, MP3) frame by frame.")

    @Argument(help: "The audio file.")
    var file: String

    @Option(help: "Video frame rate: frame i gets samples [floor(i*rate/fps), floor((i+1)*rate/fps)).")
    var fps = 60.0

    @Flag(help: "One JSON line per frame, then a summary line with the beat times.")
    var json = false

    @Flag(help: "With --json, include the waveforms (576) and spectra (512) of each frame.")
    var full = false

    func validate() throws {
        guard fps >= 1, fps <= 1000 else { throw ValidationError("--fps must be 1…1000") }
    }

    func run() async throws {
        let source = try FileAudioSource(path: file)
        let analyzer = try AudioAnalyzer(sampleRate: source.sampleRate, fps: fps)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let count = source.frameCount(fps: fps)
        var beats: [Double] = []
        var last: FrameAudio?
        var lockedAt: Double?
        for i in 0..<count {
            let block = try source.block(forFrame: i, fps: fps)
            let f = analyzer.analyze(left: block.left, right: block.right)
            beats += f.beats
            if f.tempoLocked, lockedAt == nil { lockedAt = f.time }
            last = f
            if json {
                print(String(decoding: try encoder.encode(FrameAudioRecord(f, full: full)), as: UTF8.self))
            }
        }
        let summary = AnalysisSummary(file: file, sample_rate: source.sampleRate, fps: fps, frames: count,
                                      duration: source.duration, bpm: last.map { ($0.bpm * 100).rounded() / 100 } ?? 0,
                                      locked_at: lockedAt, beats: beats.map { ($0 * 10000).rounded() / 10000 })
        if json {
            print(String(decoding: try encoder.encode(["summary": summary]), as: UTF8.self))
        } else {
            print("\(file): \(count) frames at \(fps) fps, \(String(format: "%.2f", source.duration)) s, \(source.sampleRate) Hz")
            print("tempo \(String(format: "%.2f", summary.bpm)) BPM, locked at \(lockedAt.map { String(format: "%.2f s", $0) } ?? "never"), \(beats.count) beats")
        }
    }
}

/// The last line of `aivj analyze --json`.
struct AnalysisSummary: Codable {
    var file: String
    var sample_rate: Int
    var fps: Double
    var frames: Int
    var duration: Double
    var bpm: Double
    var locked_at: Double?
    var beats: [Double]
}
