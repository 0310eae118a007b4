import ArgumentParser
import AudioInput
import Foundation

/// `aivj bench audio`: analysis cost per frame and capture-to-feature latency, with baselines from the same run.
struct BenchAudio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audio",
        abstract: "Audio analysis cost per frame (target ≤ 30 µs) and capture-to-feature latency (target ≤ one period).")

    @Flag(help: "Print the figures as one JSON object.")
    var json = false

    @Option(help: "Seconds of audio analysed for the cost figures.")
    var seconds = 20.0

    func run() async throws {
        let b = try AudioBenchmark.run(seconds: seconds)
        if json {
            print(try jsonLine(b, escapingSlashes: true))
            return
        }
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        print("analysis per frame (60 fps, 44.1 kHz, per-frame minimum over 5 passes): mean \(f(b.analyzeMeanMicros)) µs, median \(f(b.analyzeMedianMicros)) µs, p99 \(f(b.analyzeP99Micros)) µs, max \(f(b.analyzeMaxMicros)) µs (target ≤ 30 µs)")
        print("baseline: one 1024-point FFTW r2c \(f(b.fftMicros)) µs; one MilkDrop spectrum \(f(b.milkdropSpectrumMicros)) µs (3 per frame)")
        print("ratio: a frame's analysis costs \(f(b.analyzeMeanMicros / b.fftMicros)) FFTs (mean), \(f(b.analyzeMedianMicros / b.fftMicros)) FFTs (median)")
        if let m = b.latencyMedianMillis, let p = b.latencyP99Millis, let x = b.latencyMaxMillis, let period = b.periodMillis {
            print("capture-to-feature latency: median \(f(m)) ms, p99 \(f(p)) ms, max \(f(x)) ms; one period = \(f(period)) ms")
        }
        print(b.latencyNote)
    }
}
