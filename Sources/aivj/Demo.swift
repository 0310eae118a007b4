import ArgumentParser
import Foundation
import LiveShow
import Recording

/// `aivj demo` (the default, what `Scripts/run.sh` runs): the live show in a window when there is a display,
/// otherwise a short headless recording of the same show, and where it went.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The main job: the live show when a display exists, else a 10-second recording of it (PNG + MP4)."
    )

    @Option(help: "Pair pack (default: presets/pack).") var pack: String?
    @Option(help: "Where the headless recording goes.") var out = "out/demo"
    @Option(help: "Length of the headless recording in seconds.") var seconds = 10
    @Flag(help: "Record even when a display is available.") var headless = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let hasDisplay = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        if hasDisplay && !headless {
            let live = try Live.parse(pack.map { ["--pack", $0] } ?? [])
            try await live.run()
        } else {
            try await record()
        }
    }

    /// Records `seconds` of the show with the synthetic 128 BPM track, and an MP4 when ffmpeg exists.
    private func record() async throws {
        // A previous demo in the same folder is replaced (only a folder that holds a recording is removed).
        if FileManager.default.fileExists(atPath: out + "/" + ShowRecorder.manifestFile) {
            try FileManager.default.removeItem(atPath: out)
        }
        var arguments = ["--out", out, "--seconds", String(max(1, seconds)), "--size", "640x360", "--audio", "synth"]
        if let pack { arguments += ["--pack", pack] }
        let video = VideoEncoder.ffmpegPath() != nil ? out + "/demo.mp4" : nil
        if let video { arguments += ["--video", video] }
        let record = try Record.parse(arguments)
        try await record.run()
        print("aivj: no display, so a \(seconds)-second demo of the live show was recorded to \(out)/frames/"
              + (video.map { " and \($0)" } ?? ""))
    }
}
