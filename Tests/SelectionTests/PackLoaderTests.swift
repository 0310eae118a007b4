import Foundation
import Testing
@testable import Selection
import ScanFormat

@Suite struct PackLoaderTests {
    @Test func goodPackLoadsEveryPairWithItsQuality() {
        let pack = PackLoader().load(Fixtures.pack("good"))
        #expect(pack.problems.isEmpty, "\(pack.problems)")
        #expect(pack.pairs.map(\.id) == ["calm", "gentle", "middle", "strong", "wild", "wildest"])
        #expect(pack.pairs.first { $0.id == "wild" }?.quality01 == 1.0)
        #expect(pack.quality?.qualityStats.count == 6)
        // Strength is the mean percentile rank of the two diffs: the gentlest pair is 0.
        #expect(pack.pairs.first { $0.id == "calm" }?.strength == 0)
        // wild: the largest warp_diff (rank 6 of 6) and the 4th cx_diff: (5/5 + 3/5) / 2.
        let wild = pack.pairs.first { $0.id == "wild" }?.strength ?? 0
        #expect(abs(wild - 0.8) < 1e-12)
        #expect(pack.pairs.allSatisfy { $0.fgFile.hasSuffix(".milk") && $0.fgFile.hasPrefix("/") })
    }

    @Test func missingQualityFileLeavesPairsNeutral() {
        let pack = PackLoader().load(Fixtures.pack("unscored"))
        #expect(pack.problems.isEmpty)
        #expect(pack.pairs.count == 3)
        #expect(pack.pairs.allSatisfy { $0.quality01 == nil && $0.effectiveQuality == Pair.neutralQuality })
    }

    @Test func malformedJSONIsOneProblemAndNoPairs() {
        let pack = PackLoader().load(Fixtures.pack("bad-json"))
        #expect(pack.pairs.isEmpty)
        #expect(pack.problems.count == 1)
        #expect("\(pack.problems[0])".contains("pairs-manifest.v0.json"))
        #expect("\(pack.problems[0])".contains("malformed JSON"))
    }

    @Test func missingManifestIsOneProblem() {
        let pack = PackLoader().load(Fixtures.pack("library"))
        #expect(pack.pairs.isEmpty)
        #expect(pack.problems.map(\.description).allSatisfy { $0.contains("file not found") })
        #expect(pack.problems.count == 1)
    }

    @Test func wrongTypesSkipEachBadItem() {
        let pack = PackLoader().load(Fixtures.pack("wrong-types"))
        #expect(pack.pairs.map(\.id) == ["calm"])
        #expect(pack.problems.count == 3)
        let lines = pack.problems.map(\.description)
        #expect(lines[0].contains("item 1 skipped") && lines[0].contains("warp_diff"))
        #expect(lines[1].contains("item 2 skipped") && lines[1].contains("id"))
        #expect(lines[2].contains("item 3 skipped") && lines[2].contains("fg"))
        #expect(lines.allSatisfy { !$0.contains("\n") })
    }

    @Test func duplicateIDsKeepTheFirst() {
        let pack = PackLoader().load(Fixtures.pack("duplicate-ids"))
        #expect(pack.pairs.map(\.id) == ["calm", "gentle"])
        #expect(pack.problems == [.duplicateID(file: Fixtures.pack("duplicate-ids") + "/pairs-manifest.v0.json", id: "calm")])
    }

    @Test func nonFiniteAndNegativeDiffsAreSkipped() {
        let pack = PackLoader().load(Fixtures.pack("non-finite"))
        #expect(pack.pairs.map(\.id) == ["calm"])
        let lines = pack.problems.map(\.description)
        #expect(lines.count == 3)
        #expect(lines[0].contains("pair nan") && lines[0].contains("not a finite number"))
        #expect(lines[1].contains("pair inf") && lines[1].contains("cx_diff"))
        #expect(lines[2].contains("pair negative") && lines[2].contains("outside"))
    }

    @Test func qualityOutsideZeroOneIsSkippedAndThePairStaysNeutral() {
        let pack = PackLoader().load(Fixtures.pack("quality-range"))
        #expect(pack.pairs.count == 3)
        #expect(pack.pairs.allSatisfy { $0.quality01 == nil })
        let lines = pack.problems.map(\.description)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.contains("quality of middle") })
        #expect(lines.contains { $0.contains("pair calm") && $0.contains("[0, 1]") })
        #expect(lines.contains { $0.contains("pair gentle") && $0.contains("[0, 1]") })
    }

    @Test func missingAndUnreadablePresetsAreSkipped() {
        let pack = PackLoader().load(Fixtures.pack("missing-preset"))
        #expect(pack.pairs.map(\.id) == ["calm"])
        let lines = pack.problems.map(\.description)
        #expect(lines.count == 2)
        #expect(lines[0].contains("pair ghost") && lines[0].contains("no-such.milk not found"))
        #expect(lines[1].contains("pair broken") && lines[1].contains("does not read"))
    }

    @Test func pathsThatEscapeTheRootAreRefused() {
        let pack = PackLoader().load(Fixtures.pack("escape"))
        #expect(pack.pairs.map(\.id) == ["inside", "dotdot-back"])
        let escaped = pack.problems.compactMap { e -> String? in
            if case let .pathEscapesRoot(_, id, _) = e { return id } else { return nil }
        }
        #expect(escaped == ["dotdot", "absolute", "symlink"])
        #expect(pack.problems.count == 3)
    }

    @Test func libraryRootOverrideAllowsTheSymlinkTarget() {
        let pack = PackLoader(libraryRoot: Fixtures.pack("library")).load(Fixtures.pack("escape"))
        #expect(pack.pairs.map(\.id) == ["inside", "symlink", "dotdot-back"])
    }

    @Test func runManifestExcludesFailedAndReducesDarkPresets() {
        let run = RunManifest(presets: [
            RunManifestEntry(path: "wild-b.milk", status: .failed, reasons: ["shader does not compile"]),
            RunManifestEntry(path: "mid-a.milk", status: .ok, tier: .dark),
        ])
        let pack = PackLoader(weighting: run).load(Fixtures.pack("good"))
        let weight = Dictionary(uniqueKeysWithValues: pack.pairs.map { ($0.id, $0.presetWeight) })
        #expect(weight["wild"] == 0 && weight["wildest"] == 0)
        #expect(weight["gentle"] == RunManifest.darkWeight)
        #expect(weight["middle"] == RunManifest.darkWeight)
        #expect(weight["calm"] == 1 && weight["strong"] == 1)
    }

    @Test func aMissingLibraryRootIsAProblem() {
        let pack = PackLoader(libraryRoot: Fixtures.pack("no-such-library")).load(Fixtures.pack("escape"))
        #expect(pack.problems.first?.description.contains("library root not found") == true)
        #expect(pack.pairs.map(\.id) == ["inside", "dotdot-back"])
    }
}
