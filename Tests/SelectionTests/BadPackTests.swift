import AudioAnalysis
import Foundation
import Testing
@testable import Selection

/// Bad packs beyond the fixture folders: each case gives one clear line, and nothing outside the roots is looked up.
@Suite struct BadPackTests {
    static func pack(_ manifest: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-badpack-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try manifest.write(toFile: dir + "/" + PairsManifest.fileName, atomically: true, encoding: .utf8)
        return dir
    }

    @Test func pathsLeavingTheRootAreRefusedBeforeAnyLookup() throws {
        let roots = try #require(PackRoots(pack: Fixtures.pack("escape"), library: nil))
        // Neither file exists: a lookup would say "missing"; the lexical check says "escapes" without one.
        #expect(roots.resolve("../../no-such-folder-aivj/x.milk") == .escapes)
        #expect(roots.resolve("/no-such-folder-aivj/x.milk") == .escapes)
        #expect(roots.resolve("presets/../../../no-such-folder-aivj/x.milk") == .escapes)
        #expect(roots.resolve("presets/../presets/nothing.milk") == .missing)
    }

    @Test func aTopLevelOfTheWrongShapeIsOneProblem() throws {
        let dir = try Self.pack(#"{"format": "aivj-pairs-manifest", "formatVersion": 0, "made": {"tool": "t"}, "pairs": {"a": 1}}"#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = PackLoader().load(dir)
        #expect(pack.pairs.isEmpty && pack.problems.count == 1)
        #expect(pack.problems.first?.description.contains("pairs") == true)
        #expect(pack.problems.first?.description.contains(PairsManifest.fileName) == true)
    }

    @Test func aWrongFormatOrVersionIsRefused() throws {
        let dir = try Self.pack(#"{"format": "aivj-pairs-manifest", "formatVersion": 1, "made": {"tool": "t"}, "pairs": []}"#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = PackLoader().load(dir)
        #expect(pack.problems.count == 1 && pack.problems.first?.description.contains("expected aivj-pairs-manifest v0") == true)
    }

    @Test func aMalformedQualityFileLeavesEveryPairUnscored() throws {
        let dir = try Self.pack(#"""
        {"format": "aivj-pairs-manifest", "formatVersion": 0, "libraryRoot": "\#(Fixtures.pack("library"))", "made": {"tool": "t"},
         "pairs": [{"id": "a", "fg": "calm-a.milk", "bg": "calm-b.milk", "warp_diff": 0, "cx_diff": 0}]}
        """#)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{ not json".write(toFile: dir + "/" + PairsQuality.fileName, atomically: true, encoding: .utf8)
        let pack = PackLoader().load(dir)
        #expect(pack.pairs.count == 1 && pack.pairs[0].quality01 == nil)
        #expect(pack.problems.count == 1 && pack.problems[0].description.contains("malformed JSON"))
    }
}

extension PickSimulationTests {
    /// Equal quality: on a track alternating a quiet tone (not silence) with a loud loop, picks follow the music.
    @Test func picksFollowIntensityWhenCalmIsQuietMusicNotSilence() throws {
        let fps = 30.0, rate = 44100
        let loop = TestSignal.steady(bpm: 120, seconds: 10, noise: 0.05, seed: 5).render().left
        let samples: [Float] = (0..<(60 * rate)).map { i in
            let t = Double(i) / Double(rate), section = i / (10 * rate)
            return section % 2 == 0 ? Float(0.03 * (sin(2 * .pi * 220 * t) + sin(2 * .pi * 277 * t))) : loop[i % (10 * rate)]
        }
        let analyzer = try AudioAnalyzer(sampleRate: rate, fps: fps)
        let frames = (0..<Int(60 * fps)).map { i -> FrameAudio in
            let a = Int(Double(i) * Double(rate) / fps), b = Int(Double(i + 1) * Double(rate) / fps)
            return analyzer.analyze(left: Array(samples[a..<b]), right: Array(samples[a..<b]))
        }
        func run(_ seed: UInt64) -> PickSimulation {
            PickSimulation.run(picker: Picker(pairs: spreadPairs(9, quality: { _ in 0.5 })), seed: seed, fps: fps, switchEvery: 1,
                               frameCount: frames.count, packMeanQuality: 0.5) { frames[$0] }
        }
        let sim = run(3)
        let rho = try #require(sim.summary.rankCorrelation)
        #expect(rho > 0.5, "rank correlation \(rho)")
        #expect(sim.summary.repeatShare == 0)
        #expect(run(3).records == sim.records, "deterministic for a seed")
        print("quiet/loud track: " + PickSimulation.describe(sim.summary))
    }
}
