import ArgumentParser
import Foundation
import MilkPreset
import MilkRenderer

/// `aivj shader …`: MilkDrop 2 warp and comp shaders.
struct ShaderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shader",
        abstract: "MilkDrop 2 warp and comp shaders.",
        subcommands: [Check.self, Show.self]
    )

    /// `aivj shader check PATH... [--json]`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Translate and compile both shaders of every MilkDrop 2 preset under the paths on the GL driver.",
            discussion: "Prints one line per failing stage (file, stage, message, GLSL line), then a JSON summary line.")

        @Argument(help: "Preset files or folders (searched for .milk files).") var paths: [String]
        @Flag(help: "Print failures as JSON objects, one per line, before the summary.") var json = false

        func run() async throws {
            let files = try PresetFiles.presets(in: paths.map { URL(fileURLWithPath: $0) })
            let summary = try ShaderCheck.run(files) { failure in
                if json {
                    if let line = try? jsonLine(failure) { print(line) }
                } else {
                    print("\(failure.file): \(failure.stage): \(failure.message)" + (failure.glslLine.map { " [GLSL \($0)]" } ?? ""))
                }
            }
            print(summary.jsonLine)
            if summary.failed > 0 { throw ExitCode(1) }
        }
    }

    /// `aivj shader show FILE`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the GLSL fragment shaders a MilkDrop 2 preset's warp and comp shaders become.")

        @Argument(help: "A .milk preset.") var preset: String

        func run() async throws {
            let loaded = try Preset(contentsOf: URL(fileURLWithPath: preset))
            let sources = ShaderCheck.fragmentSources(of: loaded)
            if sources.isEmpty { print("\(preset): no MilkDrop 2 shaders") }
            for (stage, text) in sources { print("// ---- \(stage)\n\(text)") }
        }
    }
}
