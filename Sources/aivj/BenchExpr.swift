import ArgumentParser
import Foundation
import PresetCompilation

/// `aivj bench expr [--json]`: fast vs reference evaluator on 100 real presets' per-pixel and per-frame code.
struct BenchExpr: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Per-pixel expression speed (ns/vertex), fast vs reference evaluator, on 100 real presets.")

    @Option(help: "Preset folder.")
    var presets = ExpressionBenchmark.defaultPresetFolder

    @Option(help: "Frames measured per preset.")
    var frames = 20

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let result = try ExpressionBenchmark.run(folder: URL(fileURLWithPath: presets), frames: frames)
        print(json ? result.json : result.text)
    }
}
