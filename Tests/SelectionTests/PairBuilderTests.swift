import Foundation
import Testing
@testable import Selection

/// A temporary library of generated presets: `fg` wave/shape presets (fast decay, still) and `bg` texture
/// presets (long feedback, zoom and rotation), with warp and cx spread so the diffs cover a range.
struct GeneratedLibrary {
    let root: String

    init(fg: Int = 12, bg: Int = 12) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-lib-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        for i in 0..<fg {
            let text = "[preset00]\nfDecay=0.9\nzoom=1\nrot=0\nwarp=\(Double(i) * 0.25)\ncx=\(0.5 + Double(i % 4) * 0.1)\n"
                + "wavecode_0_enabled=1\nshapecode_0_enabled=1\n"
            try text.write(toFile: root + "/fg-\(i).milk", atomically: true, encoding: .utf8)
        }
        for i in 0..<bg {
            let text = "[preset00]\nfDecay=1\nzoom=1.1\nrot=0.2\nwarp=\(Double(i) * 0.2)\ncx=\(0.5 - Double(i % 3) * 0.15)\nbBrighten=1\n"
                + "per_pixel_1=zoom=zoom+0.01*rad;\n"
            try text.write(toFile: root + "/sub/bg-\(i).milk", atomically: true, encoding: .utf8)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct PairBuilderTests {
    @Test func pairsPutFigurePresetsInFrontOfTextures() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        #expect(library.entries.count == 24)
        let m = try PairBuilder(count: 20, seed: 7).build(library: library, scan: nil, runManifestPath: nil, libraryRoot: lib.root)
        #expect(m.pairs.count == 20)
        #expect(m.pairs.allSatisfy { $0.fg.hasPrefix("fg-") && $0.bg.hasPrefix("sub/bg-") }, "\(m.pairs.map { ($0.fg, $0.bg) })")
        #expect(Set(m.pairs.map(\.id)).count == 20)
        let counts = try #require(m.build?.counts)
        #expect(counts.fgCandidates == 10 && counts.bgCandidates == 10 && counts.candidatePairs == 100)
    }

    @Test func diffsAreTheAbsoluteDifferencesOfTheBaseValues() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        let byPath = Dictionary(uniqueKeysWithValues: library.entries.map { ($0.path, $0) })
        let m = try PairBuilder(count: 30, seed: 1).build(library: library, scan: nil, runManifestPath: nil, libraryRoot: lib.root)
        for p in m.pairs {
            let fg = try #require(byPath[p.fg]), bg = try #require(byPath[p.bg])
            let w = abs(Double(fg.values["warp"] ?? .nan) - Double(bg.values["warp"] ?? .nan))
            let c = abs(Double(fg.values["cx"] ?? .nan) - Double(bg.values["cx"] ?? .nan))
            #expect(abs(p.warpDiff - w) < 1e-6 && abs(p.cxDiff - c) < 1e-6)
            #expect(p.fgID == fg.id && p.bgID == bg.id)
        }
    }

    @Test func pairsAreSpreadOverTheStrataOfBothDiffs() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        let m = try PairBuilder(count: 16, seed: 3).build(library: library, scan: nil, runManifestPath: nil, libraryRoot: lib.root)
        let counts = try #require(m.build?.counts)
        // One pair per non-empty cell before any cell gets a second.
        #expect(counts.cellsPicked == min(16, counts.cellsWithCandidates))
        #expect(counts.cellsWithCandidates >= 8)
        let warp = m.pairs.map(\.warpDiff), cx = m.pairs.map(\.cxDiff)
        let edges = try #require(m.build?.warpDiffEdges)
        // The picks reach both ends of the warp_diff range (the lowest stratum and the top one).
        #expect((warp.min() ?? 1) < edges[0] && (warp.max() ?? 0) > edges[1])
        #expect(cx.contains(0) && cx.contains { $0 > 0.2 })
    }

    @Test func theSameSeedGivesTheSamePackAndAnotherSeedAnother() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        func build(_ seed: UInt64) throws -> PairsManifest {
            try PairBuilder(count: 12, seed: seed).build(library: library, scan: nil, runManifestPath: nil, libraryRoot: lib.root)
        }
        #expect(try build(5) == build(5))
        #expect(try JSONFiles.encode(build(5)) == JSONFiles.encode(build(5)))
        #expect(try build(5).pairs.map(\.id) != build(6).pairs.map(\.id))
    }

    @Test func failedPresetsAreSkippedAndDarkOnesLeanForeground() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        func fgPool(_ scan: ScanMetrics?) throws -> Set<String> {
            let m = try PairBuilder(count: 200, seed: 2).build(library: library, scan: scan, runManifestPath: scan == nil ? nil : "run.json",
                                                              libraryRoot: lib.root)
            #expect(m.build?.inputs.runManifest == (scan == nil ? nil : "run.json"))
            return Set(m.pairs.map(\.fg))
        }
        // By content, the still fg-0 is the most foreground-like and fg-11 (warp 2.75) the least.
        let byContent = try fgPool(nil)
        #expect(byContent.contains("fg-0.milk") && !byContent.contains("fg-11.milk"))
        // The scan sees fg-0 bright and fg-11 dark: now fg-11 is in front and fg-0 is not.
        var measures: [String: PresetMeasure] = [:]
        for e in library.entries {
            let i = Double(e.path.filter(\.isNumber)) ?? 0
            measures[e.path] = e.path.hasPrefix("sub/")
                ? PresetMeasure(failed: false, tier: "strict", avgLuma: 0.5, motion: 0.2)
                : PresetMeasure(failed: false, tier: "strict", avgLuma: 0.6 - 0.05 * i, motion: 0.1)
        }
        measures["fg-3.milk"] = PresetMeasure(failed: true)
        measures["sub/bg-4.milk"] = PresetMeasure(failed: true)
        let scan = ScanMetrics(byPath: measures)
        let byScan = try fgPool(scan)
        #expect(!byScan.contains("fg-0.milk") && byScan.contains("fg-11.milk"))
        let m = try PairBuilder(count: 200, seed: 2).build(library: library, scan: scan, runManifestPath: nil, libraryRoot: lib.root)
        let used = Set(m.pairs.flatMap { [$0.fg, $0.bg] })
        #expect(!used.contains("fg-3.milk") && !used.contains("sub/bg-4.milk"))
        #expect(m.build?.counts.failedSkipped == 2 && m.build?.counts.measured == 22)
    }

    @Test func measuredOnlyUsesOnlyWhatTheScanMeasured() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        var measures: [String: PresetMeasure] = [:]
        for (i, e) in library.entries.enumerated() where i % 2 == 0 {
            measures[e.path] = PresetMeasure(failed: false, tier: "strict", avgLuma: Double(i) / 30, motion: 0.1)
        }
        let m = try PairBuilder(count: 20, seed: 1, measuredOnly: true)
            .build(library: library, scan: ScanMetrics(byPath: measures), runManifestPath: "r", libraryRoot: lib.root)
        #expect(!m.pairs.isEmpty && m.pairs.allSatisfy { measures[$0.fg] != nil && measures[$0.bg] != nil })
        #expect(m.build?.counts.unmeasuredSkipped == 12 && m.build?.measuredOnly == true)
    }

    @Test func aBuiltPackLoadsWithoutProblems() throws {
        let lib = try GeneratedLibrary()
        defer { lib.remove() }
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-pack-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pack) }
        let library = try PresetLibrary.load(lib.root)
        let m = try PairBuilder(count: 10, seed: 1).build(library: library, scan: nil, runManifestPath: nil,
                                                         libraryRoot: PackFiles.libraryRoot(lib.root, fromPack: pack))
        try m.write(toPack: pack)
        let loaded = PackLoader().load(pack)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.pairs.count == 10)
        #expect(loaded.manifest?.build == m.build)
    }

    @Test func tooFewPresetsIsAClearError() throws {
        let lib = try GeneratedLibrary(fg: 1, bg: 0)
        defer { lib.remove() }
        let library = try PresetLibrary.load(lib.root)
        #expect(throws: SelectionError.self) {
            try PairBuilder(count: 4, seed: 1).build(library: library, scan: nil, runManifestPath: nil, libraryRoot: lib.root)
        }
    }

    @Test func libraryRootIsRelativeWhenClose() {
        #expect(PackFiles.libraryRoot("/work/x/presets", fromPack: "/work/x/presets/pack") == "..")
        #expect(PackFiles.libraryRoot("/work/x/lib", fromPack: "/work/x/packs/a") == "../../lib")
        #expect(PackFiles.libraryRoot("/usr/share/projectM/presets", fromPack: "/work/pack") == "/usr/share/projectM/presets")
    }
}
