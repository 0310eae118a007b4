import ArgumentParser
import AudioAnalysis
import AudioInput
import Foundation
import Recording

/// `aivj demo` (the default): the live show (`aivj live`) in a window when there is a display, otherwise a short
/// headless recording.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The main job: the live show when a display exists, else a 10-second recording (PNG + MP4)."
    )

    @Option(help: "Headless only: a .milk file or a folder of presets (default: Debian's projectM presets, else presets/).")
    var presets: String?
    @Option(help: "Where the headless recording goes.") var out = "out/demo"
    @Option(help: "Length of the headless recording in seconds.") var seconds = 10
    @Flag(help: "Record even when a display is available.") var headless = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        if hasDisplay && !headless {
            // The live show: the shipped pack, the default capture device (synthetic signal when there is none).
            let live = try Live.parse([])
            try await live.run()
        } else {
            try await record(presets ?? Self.defaultLibrary())
        }
    }

    /// Renders `seconds` of the first preset with the synthetic 128 BPM track, then muxes an MP4 when ffmpeg exists.
    private func record(_ library: String) async throws {
        let fps = 30
        let frames = max(1, seconds) * fps
        let preset = try Self.demoPreset(in: library)
        let framesDirectory = out + "/frames"
        try FileManager.default.createDirectory(atPath: framesDirectory, withIntermediateDirectories: true)
        let wav = out + "/synth-128bpm.wav"
        let signal = TestSignal.steady(bpm: 128, seconds: Double(max(1, seconds)))
        let samples = signal.render()
        let writer = try SndfileWriter(path: wav, sampleRate: signal.sampleRate, channels: 2, kind: .wav16)
        try writer.write(left: samples.left, right: samples.right)
        try writer.close()
        var render = try Render.parse([
            "--preset", preset, "--width", "640", "--height", "360", "--frames", String(frames),
            "--fps", String(fps), "--audio", wav, "--capture", (0..<frames).map(String.init).joined(separator: ","),
            "--out", framesDirectory,
        ])
        try await render.run()
        var video: String?
        if VideoEncoder.ffmpegPath() != nil {
            let path = out + "/demo.mp4"
            try VideoEncoder.encode(framesIn: framesDirectory, fps: Double(fps), audio: wav, output: path)
            video = path
        }
        print("aivj: no display, so a \(seconds)-second demo of \"\(preset)\" was recorded to \(framesDirectory)/"
              + (video.map { " and \($0)" } ?? ""))
    }

    /// Debian's projectM presets when installed, else the presets this project wrote.
    static func defaultLibrary() -> String {
        let debian = "/usr/share/projectM/presets/presets_milkdrop_104"
        if FileManager.default.fileExists(atPath: debian) { return debian }
        return "presets"
    }

    /// A lively classic when the library has it, else the first preset found.
    static func demoPreset(in library: String) throws -> String {
        let favourite = library + "/Geiss - Supernova 1.milk"
        if FileManager.default.fileExists(atPath: favourite) { return favourite }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: library, isDirectory: &isDirectory) else {
            throw ValidationError("\(library): no such preset or folder")
        }
        guard isDirectory.boolValue else { return library }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: library)) ?? []
        guard let first = names.filter({ $0.lowercased().hasSuffix(".milk") }).sorted().first else {
            throw ValidationError("\(library): no .milk presets inside")
        }
        return library + "/" + first
    }
}
