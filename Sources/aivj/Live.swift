import ArgumentParser
import Foundation
import LiveShow
import Selection

/// `aivj live`: the two-layer coupled show in a window, with the HUD, keys and saved settings.
struct Live: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The live show: pairs from a pack, BG behind FG, coupled in 3D, driven by the music (press ? for keys)."
    )

    @Option(help: "Pair pack folder (default: presets/pack).") var pack: String?
    @Option(help: "Preset library the pack's paths are relative to (default: Debian's projectm-data if installed).") var library: String?
    @Option(help: "ALSA capture device (see aivj devices; default: default).") var device: String?
    @Option(help: "An audio file, synth or silence instead of a capture device.") var audio: String?
    @Flag(inversion: .prefixedNo, help: "Fullscreen.") var fullscreen: Bool?
    @Option(help: "Display to open on (SDL index from 0).") var display: Int?
    @Option(help: "Show size WIDTHxHEIGHT (default 1280x720).") var size: String?
    @Flag(inversion: .prefixedNo, help: "Show the HUD (H toggles it).") var hud: Bool?
    @Option(name: .customLong("coupling3d"), help: "on, off or debug.") var coupling3d: String?
    @Option(help: "Coupling strength 0…1.") var strength: Double?
    @Option(help: "Parallax 0…1.") var parallax: Double?
    @Option(help: "Depth of field 0…1.") var dof: Double?
    @Option(help: "The BG layer's internal scale 0.25…1 (default 0.5; 1: full size).") var bgScale: Double?
    @Option(help: "weighted or random.") var pickMode: PickMode?
    @Option(help: "Stop after this many frames (tests) and print a JSON summary.") var frames: Int?
    @Option(help: "Write the last frame as a PNG (with --frames).") var screenshot: String?
    @Option(help: "Settings file (default: $XDG_CONFIG_HOME/aivj/config.toml).") var config: String?
    @Option(help: "Random seed of the picker and the layers.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Key presses at given frames, FRAME:KEY,… (tests).", visibility: .hidden)) var keys: String?

    func validate() throws {
        if device != nil && audio != nil { throw ValidationError("give --device or --audio, not both") }
        if let frames, frames < 1 { throw ValidationError("--frames must be at least 1") }
        if screenshot != nil && frames == nil { throw ValidationError("--screenshot needs --frames") }
    }

    func run() async throws {
        let store = ConfigStore(path: config ?? ConfigStore.defaultPath())
        for problem in store.problems { FileHandle.standardError.write(Data(("aivj: " + problem + "\n").utf8)) }
        var flags = ShowConfigOverrides()
        flags.pack = pack
        flags.library = library
        flags.device = device
        flags.audio = audio
        if let size { (flags.width, flags.height) = try parseShowSize(size) }
        flags.fullscreen = fullscreen
        flags.display = display
        flags.hud = hud
        flags.pickMode = pickMode
        flags.couplingMode = coupling3d
        flags.strength = strength
        flags.parallax = parallax
        flags.dof = dof
        flags.bgScale = bgScale
        let settings = try store.stored.overridden(by: flags).validated()
        var options = LiveRunOptions(frames: frames, screenshot: screenshot, seed: seed)
        if let keys { options.keys = try LiveKey.script(keys) }
        let player = try LivePlayer(config: settings, store: store, options: options)
        let summary = try player.run()
        player.close()
        if frames != nil { print(try jsonLine(summary)) }
    }
}

