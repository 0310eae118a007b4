import ArgumentParser
import Foundation
import GraphicsCore
import MilkPreset
import MilkRenderer

/// `aivj play`: one layer in an SDL2 window; Right/Left (or N/P) step through the folder, F toggles fullscreen,
/// Escape or Q quits.
struct Play: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play a preset (or a folder of presets) in a window: Right/Left next/previous, F fullscreen, Q quit."
    )

    @Argument(help: "A .milk file or a folder of them.") var path: String
    @Option(help: "FILE.wav, synth or silence.") var audio = "silence"
    @Option(help: "Capture live from this ALSA device instead (see aivj devices).") var device: String?
    @Option(help: "Window width.") var width = 1280
    @Option(help: "Window height.") var height = 720
    @Option(help: "Stop after this many frames (for tests); prints the last frame's mean luma as JSON.") var frames: Int?
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() async throws {
        let (files, start) = try PresetPlaylist.files(at: path)
        let folders = UserTextureLibrary.folders(fromSearchPath: ProcessInfo.processInfo.environment["AIVJ_TEXTURE_PATH"])
        let video = try SDLVideo()
        let seed = seed
        // Runs on the player's worker (every switch) and once here for the first preset.
        let player = try WindowPlayer(video: video, title: "aivj", width: width, height: height, count: files.count,
                                      start: start, seed: seed) { index in
            let preset = try Preset(contentsOf: URL(fileURLWithPath: files[index]))
            let (driver, warnings) = layerDriver(for: preset, seed: seed, presetPath: files[index], textureFolders: folders)
            for line in warnings { FileHandle.standardError.write(Data("warning: \(line)\n".utf8)) }
            return driver
        }
        var source = try device.map { try FeedAudio(device: $0, fps: 60) } ?? FeedAudio(audio: audio, fps: 60)
        let luma = try player.run(frames: frames, audio: &source)
        for line in player.log { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        if let frames { print("{\"frames\":\(frames),\"mean_luma\":\(String(format: "%.4f", luma))}") }
    }
}
