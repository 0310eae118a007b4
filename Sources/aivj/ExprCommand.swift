import ArgumentParser
import Foundation
import MilkExpression
import PresetCompilation


/// `aivj expr …`: the expression language from the command line.
struct ExprCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Check presets' code blocks or evaluate an expression.",
        subcommands: [Check.self, Eval.self]
    )

    /// `aivj expr check PATH... [--json]`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every code block of .milk files; print failures and a JSON summary.")

        @Argument(help: "Preset files or folders (searched recursively for .milk).")
        var paths: [String]

        @Flag(help: "Print failures as JSON lines too.")
        var json = false

        func run() async throws {
            let report = try PresetCodeCheck.run(paths: paths.map { URL(fileURLWithPath: $0) })
            for line in report.failureLines(json: json) { print(line) }
            print(report.summaryJSON)
        }
    }

    /// `aivj expr eval 'CODE' [--set name=value]...`.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run code once and print the variables.")

        @Argument(help: "Expression code, e.g. 'x = sin($PI/2); y = x * 2'.")
        var code: String

        @Option(name: .customLong("set"), help: "Preset a variable before running: name=value (repeatable).")
        var settings: [String] = []

        @Option(help: "Seed for rand().")
        var seed: UInt32 = MersenneTwister.milkDropSeed

        @Flag(help: "Use the reference tree-walking evaluator.")
        var reference = false

        func run() async throws {
            let parsed = try settings.map { try Evaluation.parseSetting($0) }
            let result = Evaluation(code: code, settings: parsed, seed: seed, reference: reference)
            // The values still print (the other statements ran, as in a preset), but a dropped statement is a
            // failure: its line goes to stderr and the exit status is 1.
            if !result.valueLines.isEmpty { print(result.valueLines.joined(separator: "\n")) }
            for line in result.errorLines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            if !result.errorLines.isEmpty { throw ExitCode(1) }
        }
    }
}
