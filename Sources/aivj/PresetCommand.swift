import ArgumentParser
import Foundation
import MilkPreset

/// `aivj preset …`: read, check and show MilkDrop preset files.
struct PresetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preset",
        abstract: "Read, check and show MilkDrop preset (.milk) files.",
        subcommands: [Check.self, Show.self]
    )

    /// `aivj preset check PATH... [--json]`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse every .milk file under the paths and check each writes back unchanged.",
            discussion: "Prints one line per failure (file: reason), then a JSON summary line.")

        @Argument(help: "Preset files or folders (searched for .milk files).") var paths: [String]
        @Flag(help: "Print failures as JSON objects, one per line, before the summary.") var json = false

        func run() async throws {
            let files = try PresetFiles.presets(in: paths.map { URL(fileURLWithPath: $0) })
            let report = PresetCheck.run(files)
            for failure in report.failures {
                if json {
                    print(try jsonLine(failure))
                } else {
                    print("\(failure.file): \(failure.reason)")
                }
            }
            print(report.summaryJSON)
            if report.failed > 0 || report.roundtripOK < report.parsed { throw ExitCode(1) }
        }
    }

    /// `aivj preset show FILE [--json]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a preset's model as text or JSON.")

        @Argument(help: "A preset file.") var file: String
        @Flag(help: "Print the model as JSON.") var json = false

        func run() async throws {
            let preset = try Preset(contentsOf: URL(fileURLWithPath: file))
            print(json ? try preset.jsonText() : preset.readableDescription())
        }
    }
}
