import ArgumentParser
import Foundation
import LibraryScan
import ScanFormat
#if canImport(Glibc)
import Glibc
#endif

/// `aivj scan …`: renders a preset library to frames, metrics, a run manifest and a report (docs/formats.md, docs/scale.md).
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan a preset library: frames, metrics, run-manifest.json, gates; crash-safe, resumable, shardable.",
        subcommands: [ScanRun.self, ScanMergeCommand.self, ScanWorkerCommand.self],
        defaultSubcommand: ScanRun.self
    )

    /// The version written into the manifests.
    static let version = "0.1 (scan format 0)"
}

/// `aivj scan LIBRARY --out DIR …`.
struct ScanRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Scan LIBRARY (a folder of .milk files or a library-manifest.json) into DIR (the default subcommand)."
    )

    @Argument(help: "A preset folder or a library-manifest.json.") var library: String
    @Option(help: "The scan folder.") var out: String
    @Option(help: "Fixed-step frames per second.") var fps = 30
    @Option(help: "Frames before the first capture.") var warmup = 60
    @Option(help: "Captures per preset.") var captureCount = 3
    @Option(help: "Frames between captures.") var captureEvery = 30
    @Option(help: "Side of the square output images.") var size = 224
    @Option(help: "Side of the square canvas rendered (default: --size).") var renderSize: Int?
    @Option(help: "webp or png.") var format = "webp"
    @Option(help: "WebP quality 0…100.") var quality = 85
    @Option(help: "FILE, synth, synth:SEED or silence.") var audio = "synth"
    @Option(help: "Random seed for preset code.") var seed: UInt64 = 1
    @Option(help: "Time limit of one attempt; the worker is killed past it.") var timeoutMs = 30_000
    @Option(help: "Extra attempts after a timeout or a crash.") var retries = 2
    @Option(help: "Presets per worker process before a fresh one replaces it.") var refreshEvery = 100
    @Flag(help: "Finish the scan already in DIR.") var resume = false
    @Option(help: "Scan only shard K of N (0 ≤ K < N), e.g. 0/4.") var shard: String?
    @Option(help: "Worker processes (default: cores).") var jobs: Int?
    @Option(help: "Seconds between progress lines when stderr is not a terminal.") var progressEvery = 10.0
    @Flag(help: "Print the summary as one JSON line.") var json = false

    func run() async throws {
        var options = ScanOptions(library: library, output: out, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                  executable: try ScanRun.executable())
        var parameters = ScanParameters()
        parameters.fps = fps
        parameters.warmup = warmup
        parameters.captureCount = captureCount
        parameters.captureEvery = captureEvery
        parameters.size = size
        parameters.renderSize = renderSize ?? size
        guard let imageFormat = ScanParameters.ImageFormat(rawValue: format) else {
            throw LibraryScanError.badOption("--format '\(format)': expected webp or png")
        }
        parameters.format = imageFormat
        parameters.quality = quality
        parameters.audio = audio
        parameters.seed = seed
        parameters.timeoutMs = timeoutMs
        parameters.retries = retries
        parameters.refreshEvery = refreshEvery
        options.parameters = parameters
        options.shard = try shard.map { text throws(LibraryScanError) in try ScanShard.parse(text) }
        options.resume = resume
        options.progress = isatty(2) == 1 ? .bar : .lines
        options.progressInterval = progressEvery
        options.version = ScanCommand.version
        let manifest = try ScanRunner(options).run()
        guard let summary = manifest.summary else { return }
        if json {
            print(try jsonLine(summary))
        } else {
            print(summary.text)
            print("wrote \(out)/run-manifest.json, frames-index.jsonl, scan-report.html")
        }
    }

    /// This executable, which the workers run.
    static func executable() throws -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// `aivj scan merge DIR… --out DIR`.
struct ScanMergeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge finished shard scans into one scan folder, equal to an unsharded scan (docs/scale.md)."
    )

    @Argument(help: "Shard scan folders.") var inputs: [String]
    @Option(help: "The merged scan folder.") var out: String
    @Flag(help: "Print the summary as one JSON line.") var json = false

    func run() async throws {
        let manifest = try ScanMerge.merge(inputs, into: out, version: ScanCommand.version)
        guard let summary = manifest.summary else { return }
        print(json ? try jsonLine(summary) : summary.text)
    }
}

/// `aivj scan worker`: the hidden worker mode the scan starts (jobs on stdin, results on descriptor 3).
struct ScanWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", shouldDisplay: false)

    func run() throws {
        let status = ScanWorker.serve()
        if status != 0 { throw ExitCode(status) }
    }
}
