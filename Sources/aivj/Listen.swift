import ArgumentParser
import AudioAnalysis
import AudioInput
import Foundation

/// `aivj listen`: live meters in the terminal, to check that capture works.
struct Listen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Capture from an ALSA device and show live meters (bass/mid/treb, energy, accent, beat, BPM).")

    @Option(help: "ALSA PCM name (see `aivj devices`), e.g. default, pulse, pipewire, hw:1,0.")
    var device = "default"

    @Option(help: "Stop after this many seconds (default: run until interrupted).")
    var seconds: Double?

    @Option(help: "Meter updates per second.")
    var fps = 30.0

    @Option(help: "Requested sample rate; the device may grant another.")
    var rate = 48000

    func validate() throws {
        guard fps >= 1, fps <= 240 else { throw ValidationError("--fps must be 1…240") }
        if let s = seconds, s <= 0 { throw ValidationError("--seconds must be positive") }
    }

    func run() async throws {
        var request = CaptureRequest()
        request.sampleRate = rate
        let capture = ALSACaptureSource(device: device, request: request)
        defer { capture.stop() }
        if let g = capture.granted {
            print("capturing '\(device)': \(g)")
        }
        if case let .fallback(message) = capture.status {
            print("warning: \(message); showing silence and retrying")
        }
        let analyzer = try AudioAnalyzer(sampleRate: capture.sampleRate, fps: fps)
        let start = Date()
        var frame = 0
        while seconds.map({ Date().timeIntervalSince(start) < $0 }) ?? true {
            let due = start.addingTimeInterval(Double(frame + 1) / fps)
            let wait = due.timeIntervalSinceNow
            if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
            let block = try capture.block(forFrame: frame, fps: fps)
            let f = analyzer.analyze(left: block.left, right: block.right, fallback: block.fallback)
            var line = f.meterLine()
            if let hud = capture.status.hudText { line += "  [\(hud)]" }
            print("\r\(line)\u{1B}[K", terminator: "")
            fflush(nil)  // all streams: `stdout` is a C global Swift 6 will not touch
            frame += 1
        }
        print("\nxruns \(capture.xruns), reconnections \(capture.reconnections), dropped samples \(capture.droppedSamples)")
    }
}
