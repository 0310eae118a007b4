import ArgumentParser
import Foundation
import MilkPreset
import MilkRenderer

/// `aivj render`: renders a preset headless and writes chosen frames as PNG, with projectm-ref's options.
struct Render: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a preset headless; frame i at time i/fps; writes DIR/frame-XXXXX.png and one JSON line."
    )

    @Option(help: "The .milk preset.") var preset: String
    @Option(help: "Picture width.") var width = 640
    @Option(help: "Picture height.") var height = 360
    @Option(help: "Frames to render.") var frames = 300
    @Option(help: "Frames per second (frame i is at i/fps).") var fps = 60
    @Option(help: "FILE.wav, synth or silence.") var audio = "silence"
    @Option(help: "Frames to write, e.g. 60,90,120.") var capture = ""
    @Option(help: "Folder for the PNGs.") var out = "."
    @Option(help: "Warp mesh size.") var mesh = "48x36"
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "milkdrop (default) or projectm: draw as projectM 3.1.12 does (its audio levels, waves, feedback size; no gamma), for comparisons.")
    var compat = "milkdrop"
    @Flag(help: "Also print milliseconds per frame of each stage (a glFinish after each; slower than a plain run).")
    var profile = false

    func run() async throws {
        let (columns, rows) = try RenderJob.parseMesh(mesh)
        let compatibility = try RenderCompatibility(parsing: compat)
        var job = RenderJob(presetName: preset, width: width, height: height, frames: frames, fps: Double(fps),
                            captures: try RenderJob.parseCaptures(capture), outputDirectory: out,
                            meshColumns: columns, meshRows: rows, seed: seed,
                            compatibility: compatibility)
        job.profile = profile
        let loaded = try Preset(contentsOf: URL(fileURLWithPath: preset))
        let textured = layerDriver(for: loaded, seed: seed, presetPath: preset,
                                   textureFolders: UserTextureLibrary.folders(fromSearchPath: ProcessInfo.processInfo.environment["AIVJ_TEXTURE_PATH"]))
        var driver = CompatibleDriver(textured.driver, compatibility: compatibility)
        for line in driver.diagnostics + textured.warnings { FileHandle.standardError.write(Data("warning: \(line)\n".utf8)) }
        var source = try FeedAudio(audio: audio, fps: Double(fps), compatibility: compatibility)
        let summary = try job.run(driver: &driver, audio: &source) { line in
            FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
        }
        print(summary.jsonLine)
        if let stages = summary.profile { print(stages.layerJSONLine) }
    }
}
