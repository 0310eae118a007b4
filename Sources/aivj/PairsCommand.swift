import ArgumentParser
import AudioAnalysis
import AudioInput
import Foundation
import ScanFormat
import Selection

/// `aivj pairs …`: packs of coupled BG/FG pairs and the picker (docs/formats.md, docs/picker.md).
struct PairsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairs",
        abstract: "Build, score and check pair packs, and simulate the pair picker.",
        subcommands: [Build.self, Score.self, Check.self, Simulate.self]
    )

    /// Where a pack's presets may live and how they weigh.
    struct PackOptions: ParsableArguments {
        @Argument(help: "The pack folder (with pairs-manifest.v0.json).") var pack: String
        @Option(help: "Library root for preset paths (overrides the manifest's libraryRoot).") var library: String?
        @Option(help: "A scan's run-manifest.json (or its folder): failed presets are excluded, dark ones weigh less.")
        var runManifest: String?

        func load() throws -> Pack {
            let weighting: any PresetWeighting = try runManifest.map { try ScanMetrics.load($0) } ?? NeutralWeighting()
            return PackLoader(libraryRoot: library, weighting: weighting).load(pack)
        }
    }

    /// `aivj pairs check PACK_DIR [--json]`.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a pack: one line per problem, then a summary; exit status 1 when any problem is found.")

        @OptionGroup var options: PackOptions
        @Flag(help: "Print the summary as JSON.") var json = false

        func run() async throws {
            let pack = try options.load()
            for problem in pack.problems { print(problem) }
            let s = pack.checkSummary
            if json {
                print(try jsonLine(s))
            } else {
                print("\(s.pack): \(s.pairs) pairs (\(s.usable) usable, \(s.scored) scored), \(s.problems) problems")
            }
            if !s.ok { throw ExitCode(1) }
        }
    }

    /// `aivj pairs simulate PACK_DIR --audio FILE`.
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the picker over a track's analysis (no rendering): the pick log, a summary and an SVG plot.")

        @OptionGroup var options: PackOptions
        @Option(help: "The audio file to analyse (as `aivj analyze`).") var audio: String
        @Option(help: "Analysis frame rate.") var fps = 30.0
        @Option(help: "Seconds between picks.") var switchEvery = 8.0
        @Option(help: "Pick mode: weighted or random.") var mode = PickMode.weighted
        @Option(help: "Seed of the picker's random generator.") var seed: UInt64 = 1
        @Option(help: "Where to write the SVG plot of intensity and picks.") var plot = "pairs-simulate.svg"
        @Option(help: "Append the picks to this JSONL log.") var log: String?
        @Flag(help: "One JSON line per pick, then a summary line.") var json = false

        func validate() throws {
            guard fps >= 1, fps <= 1000 else { throw ValidationError("--fps must be 1…1000") }
            guard switchEvery > 0, switchEvery.isFinite else { throw ValidationError("--switch-every must be positive") }
        }

        func run() async throws {
            let pack = try options.load()
            for problem in pack.problems { FileHandle.standardError.write(Data("\(problem)\n".utf8)) }
            let source = try FileAudioSource(path: audio)
            let analyzer = try AudioAnalyzer(sampleRate: source.sampleRate, fps: fps)
            let simulation = try PickSimulation.run(
                picker: Picker(pairs: pack.pairs, configuration: PickerConfiguration(mode: mode)), seed: seed, fps: fps,
                switchEvery: switchEvery, frameCount: source.frameCount(fps: fps), packMeanQuality: pack.meanQuality
            ) { i in
                let block = try source.block(forFrame: i, fps: fps)
                return analyzer.analyze(left: block.left, right: block.right, fallback: block.fallback)
            }
            try Data(simulation.svg().utf8).write(to: URL(fileURLWithPath: plot), options: .atomic)
            if let log { try PickLog(path: log).append(simulation.records) }
            let s = simulation.summary
            if json {
                for r in simulation.records { print(try PickLog.line(r)) }
                print(try jsonLine(["summary": s]))
            } else {
                for r in simulation.records { print(PickSimulation.describe(r)) }
                print(PickSimulation.describe(s) + ", plot \(plot)")
            }
        }
    }
}

extension PickMode: ExpressibleByArgument {}

