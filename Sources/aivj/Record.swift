import ArgumentParser
import Coupling
import Foundation
import LiveShow
import Selection

/// `aivj record`: the live show rendered headless at a fixed step, frame-exact, to files.
struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the show headless: DIR/frames/, DIR/frames-index.jsonl, DIR/picks.jsonl; one JSON line at the end."
    )

    @Option(help: "The recording folder.") var out: String
    @Option(help: "The pair pack (default: presets/pack, else the fixture pack).") var pack: String?
    @Option(help: "Overrides the pack's library root.") var library: String?
    @Option(help: "FILE (wav, flac…), synth, synth:SEED or silence.") var audio = "synth"
    @Option(help: "Length in seconds.") var seconds: Double?
    @Option(help: "Length in frames (instead of --seconds).") var frames: Int?
    @Option(help: "Frames per second (frame i is at i/fps).") var fps = 30
    @Option(help: "Picture size.") var size = "1280x720"
    @Option(help: "png or webp (lossless).") var format: String = "png"
    @Flag(help: "Draw the HUD into the frames.") var hud = false
    @Option(help: "Also encode an MP4 through ffmpeg, audio muxed in.") var video: String?
    @Option(help: "Seed of the picker and the layers.") var seed: UInt64 = 1
    @Flag(help: "Complete an interrupted recording in --out.") var resume = false
    @Option(help: "on, off or debug.") var coupling3d = "on"
    @Option(help: "Coupling strength 0…1.") var strength = CouplingParameters().strength
    @Option(help: "Camera sway and beat push 0…1.") var parallax = CouplingParameters().parallax
    @Option(help: "Depth-of-field blur 0…1.") var dof = CouplingParameters().dof
    @Option(help: "The BG layer's internal scale 0.25…1 (1: full size).") var bgScale = ShowConfiguration.defaultBackgroundScale
    @Option(help: "weighted or random.") var mode = "weighted"
    @Option(help: "Change pair exactly every S seconds (beats ignored).") var switchEvery: Double?
    @Option(help: "Seconds a pair plays at least before a beat may change it.") var minDwell = PairChangePolicy().minimumDwell
    @Option(help: "Seconds after which the pair changes without a beat.") var maxDwell = PairChangePolicy().maximumDwell
    @Flag(help: "Render and read back every frame but write no image (soak runs).") var discardFrames = false
    @Option(help: "Write RSS and live GL objects to DIR/stats.jsonl every N frames.") var statsEvery: Int?
    @Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        guard let coupling = CouplingMode(rawValue: coupling3d) else {
            throw ValidationError("--coupling3d must be on, off or debug, not '\(coupling3d)'")
        }
        guard let pickMode = PickMode(rawValue: mode) else { throw ValidationError("--mode must be weighted or random") }
        guard let frameFormat = FrameFormat(rawValue: format) else { throw ValidationError("--format must be png or webp") }
        let (width, height) = try parseSize(size)
        var parameters = CouplingParameters(mode: coupling, strength: strength, parallax: parallax, dof: dof)
        parameters = parameters.clamped
        let policy = PairChangePolicy(minimumDwell: minDwell, maximumDwell: maxDwell, fixedInterval: switchEvery)
        let show = ShowConfiguration(width: width, height: height, fps: Double(fps), seed: seed,
                                     picker: PickerConfiguration(mode: pickMode), policy: policy, coupling: parameters,
                                     backgroundScale: bgScale)
        let count: Int
        switch (seconds, frames) {
        case (nil, nil): count = try RecordOptions.frames(seconds: 10, fps: Double(fps))
        case let (s?, nil): count = try RecordOptions.frames(seconds: s, fps: Double(fps))
        case let (nil, f?): count = f
        default: throw ValidationError("give --seconds or --frames, not both")
        }
        // ffmpeg closing the pipe early must be an error to report, not a silent SIGPIPE death.
        signal(SIGPIPE, SIG_IGN)
        let options = RecordOptions(outDirectory: out, pack: pack ?? ShowPack.defaultPack(), libraryRoot: library, audio: audio,
                                    frames: count, format: frameFormat, hud: hud, video: video, resume: resume, show: show,
                                    writeFrames: !discardFrames, statsEvery: statsEvery, progress: !quiet)
        let summary = try ShowRecorder.run(options) { line in
            FileHandle.standardError.write(Data("aivj record: \(line)\n".utf8))
        }
        print(try jsonLine(summary))
    }
}
