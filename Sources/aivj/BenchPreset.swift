import ArgumentParser
import Foundation
import MilkPreset

/// `aivj bench preset`: preset reading speed, against just reading the same files' bytes.
struct BenchPreset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preset",
        abstract: "Preset parse and round-trip time over a folder (target: Debian's set parsed in under 2 s).")

    @Argument(help: "Preset files or folders.") var paths: [String] = ["/usr/share/projectM/presets"]
    @Option(help: "Passes per phase; the fastest counts.") var passes = 3
    @Flag(help: "Print the figures as one JSON object.") var json = false

    func run() async throws {
        let files = try PresetFiles.presets(in: paths.map { URL(fileURLWithPath: $0) })
        let b = PresetBenchmark.run(files, passes: passes)
        if json {
            print(try jsonLine(b, escapingSlashes: true))
            return
        }
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        print("\(b.files) files, \(b.bytes) bytes, best of \(b.passes) passes")
        print("baseline: read + hash bytes \(f(b.readSeconds)) s")
        print("parse: \(f(b.parseSeconds)) s (\(f(b.parseOverRead))× the baseline), \(b.parsed) parsed")
        print("parse + write + parse: \(f(b.roundTripSeconds)) s, \(b.roundTripOK) round trips ok")
    }
}
