import Determinism
import Foundation
import Testing
@testable import Selection

/// `count` pairs whose diffs rise evenly, so their strengths are 0, 1/(count−1), …, 1.
func spreadPairs(_ count: Int, quality: (Int) -> Double? = { _ in nil }) -> [Pair] {
    var pairs = (0..<count).map { i in
        Pair(id: "p\(i)", fg: "fg\(i).milk", bg: "bg\(i).milk", warpDiff: Double(i), cxDiff: Double(i) / 10, quality01: quality(i))
    }
    Pair.normaliseStrengths(&pairs)
    return pairs
}

@Suite struct PickerTests {
    @Test func weightedPicksNeverChooseAnExcludedPair() {
        var pairs = spreadPairs(8)
        for i in [0, 3, 7] { pairs[i].presetWeight = 0 }
        var rng = SeededRandom(seed: 11)
        var audioRNG = SeededRandom(seed: 12)
        for mode in PickMode.allCases {
            var picker = Picker(pairs: pairs, configuration: .init(mode: mode))
            for k in 0..<2000 {
                let audio = k % 7 == 0 ? nil : AudioSnapshot(intensity01: Double(audioRNG.unitFloat()))
                let r = picker.pick(at: Double(k), audio: audio, rng: &rng)
                #expect(r.map { !["p0", "p3", "p7"].contains($0.pairID) } == true)
            }
        }
    }

    @Test func neverTheSamePairTwiceRunningWhenTwoAreUsable() {
        var pairs = spreadPairs(5, quality: { $0 == 0 ? 1 : 0 })
        for i in 2..<5 { pairs[i].presetWeight = 0 }
        for mode in PickMode.allCases {
            var picker = Picker(pairs: pairs, configuration: .init(mode: mode))
            var rng = SeededRandom(seed: 3)
            var last: String?
            for k in 0..<1000 {
                let r = picker.pick(at: Double(k), audio: AudioSnapshot(intensity01: 0), rng: &rng)
                #expect(r != nil && r?.pairID != last)
                last = r?.pairID
            }
        }
    }

    @Test func aSingleUsablePairIsPickedEveryTime() {
        var pairs = spreadPairs(3)
        pairs[0].presetWeight = 0
        pairs[2].presetWeight = 0
        var picker = Picker(pairs: pairs)
        var rng = SeededRandom(seed: 1)
        let ids = (0..<5).compactMap { picker.pick(at: Double($0), audio: AudioSnapshot(intensity01: 0.5), rng: &rng)?.pairID }
        #expect(ids == Array(repeating: "p1", count: 5))
        var none = Picker(pairs: pairs.map { var p = $0; p.presetWeight = 0; return p })
        #expect(none.pick(at: 0, audio: nil, rng: &rng) == nil)
    }

    @Test func withEqualQualityPicksFollowAlternatingIntensity() {
        var picker = Picker(pairs: spreadPairs(9, quality: { _ in 0.5 }))
        var rng = SeededRandom(seed: 2026)
        var records: [PickRecord] = []
        for k in 0..<240 {
            let loud = (k / 6) % 2 == 1
            let intensity = loud ? 0.85 : 0.15
            if let r = picker.pick(at: Double(k) * 8, audio: AudioSnapshot(intensity01: intensity), rng: &rng) { records.append(r) }
        }
        let rho = RankCorrelation.spearman(records.map { $0.intensity01 ?? 0 }, records.map(\.strength)) ?? 0
        #expect(rho > 0.5, "rank correlation \(rho)")
        print("synthetic alternating intensity: rank correlation \(rho) over \(records.count) picks")
    }

    @Test func withConstantIntensityFrequencyRisesWithQuality() {
        let qualities = [0.0, 0.33, 0.67, 1.0]
        var pairs = (0..<4).map { Pair(id: "q\($0)", fg: "a", bg: "b", warpDiff: 1, cxDiff: 1, quality01: qualities[$0]) }
        Pair.normaliseStrengths(&pairs)
        var picker = Picker(pairs: pairs)
        var rng = SeededRandom(seed: 5)
        var counts = [String: Int]()
        for k in 0..<4000 {
            if let r = picker.pick(at: Double(k), audio: AudioSnapshot(intensity01: 0.6), rng: &rng) { counts[r.pairID, default: 0] += 1 }
        }
        let c = (0..<4).map { counts["q\($0)", default: 0] }
        #expect(c[0] < c[1] && c[1] < c[2] && c[2] < c[3], "\(c)")
        print("constant intensity, quality 0/0.33/0.67/1: picks \(c)")
    }

    @Test func picksAreDeterministicForASeed() {
        func run(_ seed: UInt64) -> [String] {
            var picker = Picker(pairs: spreadPairs(7, quality: { Double($0) / 6 }))
            var rng = SeededRandom(seed: seed)
            return (0..<100).compactMap {
                picker.pick(at: Double($0), audio: AudioSnapshot(intensity01: Double($0 % 10) / 10), rng: &rng)?.pairID
            }
        }
        #expect(run(42) == run(42))
        #expect(run(42) != run(43))
    }

    @Test func noAudioSnapshotFallsBackToRandomAndSaysSo() throws {
        var picker = Picker(pairs: spreadPairs(4))
        var rng = SeededRandom(seed: 9)
        let r = try #require(picker.pick(at: 1.5, audio: nil, rng: &rng))
        #expect(r.mode == .random)
        #expect(r.intensity01 == nil)
        #expect(r.note?.contains("no audio snapshot") == true)
        let w = try #require(picker.pick(at: 2, audio: AudioSnapshot(intensity01: 0.2), rng: &rng))
        #expect(w.mode == .weighted && w.note == nil)
    }

    @Test func recordsKeepTheLastTwentyWithTopThreeAlternatives() throws {
        var picker = Picker(pairs: spreadPairs(6, quality: { _ in 1 }))
        var rng = SeededRandom(seed: 4)
        for k in 0..<30 { _ = picker.pick(at: Double(k), audio: AudioSnapshot(intensity01: 1), rng: &rng) }
        #expect(picker.history.count == 20)
        #expect(picker.history.first?.time == 10)
        let last = try #require(picker.history.last)
        #expect(last.alternatives.count == 3)
        #expect(last.alternatives.map(\.weight) == last.alternatives.map(\.weight).sorted(by: >))
        #expect(!last.alternatives.contains { $0.id == last.pairID })
        #expect(last.probability > 0 && last.probability <= 1)
    }

    @Test func weightFollowsTheDocumentedFormula() {
        // The worked example of docs/picker.md.
        var pairs = [
            Pair(id: "gentle", fg: "a", bg: "b", warpDiff: 0.1, cxDiff: 0.0, quality01: 0.9),
            Pair(id: "medium", fg: "a", bg: "c", warpDiff: 0.5, cxDiff: 0.2, quality01: nil, presetWeight: 0.4),
            Pair(id: "strong", fg: "a", bg: "d", warpDiff: 2.1, cxDiff: 0.4, quality01: 0.3),
        ]
        Pair.normaliseStrengths(&pairs)
        #expect(zip(pairs.map(\.strength), [0, 0.5, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
        let picker = Picker(pairs: pairs)
        let w = picker.weights(mode: .weighted, intensity: 0.8)
        let expected = [0.02 + 0.98 * exp(-0.64 / 0.0648), (0.02 + 0.98 * exp(-0.09 / 0.0648)) * 0.6 * 0.4,
                        (0.02 + 0.98 * exp(-0.04 / 0.0648)) * 0.44]
        for (a, b) in zip(w, [expected[0] * 0.92, expected[1], expected[2]]) { #expect(abs(a - b) < 1e-12) }
        #expect(zip(w, [0.0184, 0.0634, 0.2414]).allSatisfy { abs($0 - $1) < 5e-5 })
        let calm = picker.weights(mode: .weighted, intensity: 0.2)
        #expect(zip(calm, [0.5047, 0.0634, 0.0088]).allSatisfy { abs($0 - $1) < 5e-5 })
    }

    @Test func pickLogAppendsOneJSONLinePerPick() throws {
        var picker = Picker(pairs: spreadPairs(3))
        var rng = SeededRandom(seed: 1)
        let records = (0..<3).compactMap { picker.pick(at: Double($0), audio: AudioSnapshot(intensity01: 0.5), rng: &rng) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("picks-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try PickLog(path: path).append(Array(records.prefix(2)))
        try PickLog(path: path).append(Array(records.suffix(1)))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let decoded = try lines.map { try JSONDecoder().decode(PickRecord.self, from: Data($0.utf8)) }
        #expect(decoded == records)
        #expect(lines[0].contains("\"pair_id\""))
    }
}
