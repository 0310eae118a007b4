import Determinism
import Foundation
import Testing
@testable import Selection

/// A pack over Debian's projectM presets, written with the same types the loader reads.
@Suite struct CorpusPackTests {
    static let library = "/usr/share/projectM/presets"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: library)))
    func aPackOverTheDebianLibraryLoadsAndPicks() throws {
        let files = (FileManager.default.enumerator(atPath: Self.library)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".milk") }.sorted().prefix(24)
        try #require(files.count == 24)
        let list = Array(files)
        var pairs: [PairEntry] = []
        for i in 0..<12 {
            let warp = Double(i) / 10, cx = Double(i % 4) / 10
            pairs.append(PairEntry(id: "p\(i)", fg: list[2 * i], bg: list[2 * i + 1], warpDiff: warp, cxDiff: cx))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = PairsManifest(libraryRoot: Self.library, made: PackProvenance(tool: "CorpusPackTests"), pairs: pairs)
        try JSONFiles.encode(manifest).write(to: directory.appendingPathComponent(PairsManifest.fileName))
        let pack = PackLoader().load(directory.path)
        #expect(pack.problems.isEmpty, "\(pack.problems)")
        #expect(pack.pairs.count == 12)
        #expect(pack.pairs.allSatisfy { $0.fgFile.hasPrefix(Self.library) || $0.fgFile.hasPrefix("/usr/share/") })
        var picker = Picker(pairs: pack.pairs)
        var rng = SeededRandom(seed: 1)
        let ids = (0..<20).compactMap { picker.pick(at: Double($0), audio: AudioSnapshot(intensity01: 0.5), rng: &rng)?.pairID }
        #expect(ids.count == 20 && zip(ids, ids.dropFirst()).allSatisfy { $0 != $1 })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: library)))
    func buildingOverTheDebianLibraryGives240StratifiedPairsThatLoad() throws {
        let lib = try PresetLibrary.load(Self.library)
        let m = try PairBuilder(count: 240, seed: 1).build(library: lib, scan: nil, runManifestPath: nil, libraryRoot: lib.root)
        #expect(m.pairs.count == 240)
        let counts = try #require(m.build?.counts)
        #expect(counts.cellsPicked == counts.cellsWithCandidates && counts.cellsPicked >= 12)
        // Pairs spread over the range: both diffs have pairs at 0 and above the middle edge.
        let edges = try #require(m.build)
        #expect(m.pairs.contains { $0.warpDiff == 0 } && m.pairs.contains { $0.warpDiff > edges.warpDiffEdges[1] })
        #expect(m.pairs.contains { $0.cxDiff == 0 } && m.pairs.contains { $0.cxDiff > edges.cxDiffEdges[1] })
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-debian-pack-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try m.write(toPack: directory)
        let pack = PackLoader().load(directory)
        #expect(pack.problems.isEmpty, "\(pack.problems.prefix(3))")
        #expect(pack.pairs.count == 240)
    }
}
