import ArgumentParser
import Foundation
import Selection

extension PairsCommand {
    /// `aivj pairs build LIBRARY_OR_MANIFEST --out PACK_DIR [--count N] [--seed S] [--run-manifest FILE]`.
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a pack of FG/BG pairs from a library folder or library-manifest.json (docs/picker.md).")

        @Argument(help: "A library folder, or a library-manifest.json (`aivj library index`).") var library: String
        @Option(help: "The pack folder to write pairs-manifest.v0.json into.") var out: String
        @Option(help: "Number of pairs.") var count = 240
        @Option(help: "Random seed (the same seed and inputs give the same pack).") var seed: UInt64 = 1
        @Option(help: "A scan's run-manifest.json (or its folder): failed presets are skipped, avgLuma/motion used.")
        var runManifest: String?
        @Option(help: "Share of the usable presets in each of the FG and BG pools (0.5: all, for a small curated library).")
        var poolShare = PairBuilder.defaultPoolShare
        @Flag(help: "Use only presets the run manifest measured (a scan of part of the library).") var measuredOnly = false
        @Flag(help: "Print the build record as JSON.") var json = false

        func validate() throws {
            guard count > 0, count <= 100_000 else { throw ValidationError("--count must be 1…100000") }
            guard poolShare > 0, poolShare <= 0.5 else { throw ValidationError("--pool-share must be in (0, 0.5]") }
            if measuredOnly, runManifest == nil { throw ValidationError("--measured-only needs --run-manifest") }
        }

        func run() async throws {
            do {
                let lib = try PresetLibrary.load(library)
                let scan = try runManifest.map { try ScanMetrics.load($0) }
                let manifest = try PairBuilder(count: count, seed: seed, poolShare: poolShare, measuredOnly: measuredOnly).build(
                    library: lib, scan: scan, runManifestPath: runManifest,
                    libraryRoot: PackFiles.libraryRoot(lib.root, fromPack: out))
                try manifest.write(toPack: out)
                guard let record = manifest.build else { return }
                if json {
                    print(try jsonLine(record))
                } else {
                    let c = record.counts
                    print("\(out)/\(PairsManifest.fileName): \(c.pairs) pairs from \(c.fgCandidates) FG × \(c.bgCandidates) BG candidates "
                          + "(\(c.libraryPresets) presets, \(c.failedSkipped) failed and \(c.nonFiniteSkipped) non-finite skipped, "
                          + "\(c.measured) measured), \(c.cellsPicked) of \(c.cellsWithCandidates) strata")
                }
            } catch let error as SelectionError {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }

    /// `aivj pairs score PACK_DIR --scan SCAN_DIR`.
    struct Score: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write pairs-quality.v0.json from a scan's measurements of each pair's presets (docs/picker.md).")

        @Argument(help: "The pack folder (with pairs-manifest.v0.json).") var pack: String
        @Option(help: "The scan folder (with run-manifest.json), or the run-manifest.json itself.") var scan: String
        @Flag(help: "Print the quality statistics as JSON.") var json = false

        func run() async throws {
            do {
                let manifest = try PackLoader.readManifest(in: pack)
                let metrics = try ScanMetrics.load(scan)
                let file = pack + "/" + PairsQuality.fileName
                let (quality, unscored) = try PairScorer.score(manifest, scan: metrics, scanSource: scan, file: file)
                try quality.write(toPack: pack)
                let s = quality.qualityStats
                if json {
                    print(try jsonLine(["qualityStats": s]))
                } else {
                    print(String(format: "%@: %d scored, %d unscored; quality min %.3f p10 %.3f p50 %.3f p90 %.3f max %.3f, mean %.3f, std %.3f",
                                 file, s.count, unscored.count, s.min, s.p10, s.p50, s.p90, s.max, s.mean, s.std))
                }
            } catch let error as SelectionError {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
