import Testing
@testable import AudioAnalysis

/// Runs a synthetic track through the analyser at 60 fps and collects beats and tempo per frame.
struct BeatRun {
    var beats: [Double] = []
    var bpmByFrame: [(time: Double, bpm: Double)] = []

    init(_ signal: TestSignal, fps: Int = 60) throws {
        let (l, r) = signal.render()
        let analyzer = try AudioAnalyzer(sampleRate: signal.sampleRate, fps: Double(fps))
        var i = 0
        while true {
            let a = i * signal.sampleRate / fps, b = (i + 1) * signal.sampleRate / fps
            guard b <= l.count else { break }
            let f = analyzer.analyze(left: Array(l[a..<b]), right: Array(r[a..<b]))
            beats += f.beats
            bpmByFrame.append((f.time, f.bpm))
            i += 1
        }
    }

    /// The first time from which the tempo stays within `tolerance` of `bpm` until `end`.
    func lockTime(bpm: Double, from start: Double = 0, until end: Double, tolerance: Double = 0.01) -> Double? {
        var lock: Double?
        for (t, b) in bpmByFrame where t >= start && t < end {
            if abs(b / bpm - 1) <= tolerance { if lock == nil { lock = t } } else { lock = nil }
        }
        return lock.map { $0 - start }
    }

    /// The mean relative tempo error between `from` and `until`.
    func meanTempoError(bpm: Double, from: Double, until: Double) -> Double {
        let e = bpmByFrame.filter { $0.time >= from && $0.time < until }.map { abs($0.bpm / bpm - 1) }
        return e.isEmpty ? 1 : e.reduce(0, +) / Double(e.count)
    }

    /// The largest relative tempo error between `from` and `until`.
    func maxTempoError(bpm: Double, from: Double, until: Double) -> Double {
        bpmByFrame.filter { $0.time >= from && $0.time < until }.map { abs($0.bpm / bpm - 1) }.max() ?? 1
    }
}

struct BeatCase: CustomStringConvertible, Sendable {
    var name: String
    var signal: TestSignal
    var description: String { name }
}

let steadyCases: [BeatCase] = [
    BeatCase(name: "click 70", signal: .steady(bpm: 70, seconds: 20, style: .click)),
    BeatCase(name: "click 120", signal: .steady(bpm: 120, seconds: 20, style: .click)),
    BeatCase(name: "click 180", signal: .steady(bpm: 180, seconds: 20, style: .click)),
    BeatCase(name: "loop 70", signal: .steady(bpm: 70, seconds: 20, seed: 2)),
    BeatCase(name: "loop 96", signal: .steady(bpm: 96, seconds: 20, seed: 3)),
    BeatCase(name: "loop 128", signal: .steady(bpm: 128, seconds: 20, seed: 4)),
    BeatCase(name: "loop 150", signal: .steady(bpm: 150, seconds: 20, seed: 5)),
    BeatCase(name: "loop 180", signal: .steady(bpm: 180, seconds: 20, seed: 6)),
    BeatCase(name: "loop 110 + noise", signal: .steady(bpm: 110, seconds: 20, noise: 0.08, seed: 7)),
    BeatCase(name: "click 140 + noise", signal: .steady(bpm: 140, seconds: 20, style: .click, noise: 0.05, seed: 8)),
]

@Suite struct BeatTrackerTests {
    @Test(arguments: steadyCases)
    func steadyTempoIsTrackedAndLocked(_ c: BeatCase) throws {
        let run = try BeatRun(c.signal)
        let bpm = c.signal.segments[0].bpm ?? 0
        let eval = BeatEvaluation.score(detected: run.beats, reference: c.signal.beatTimes, skip: 5)
        let lock = run.lockTime(bpm: bpm, until: c.signal.duration)
        let err = run.maxTempoError(bpm: bpm, from: lock ?? 0, until: c.signal.duration)
        let settled = run.meanTempoError(bpm: bpm, from: 5, until: c.signal.duration)
        print("beat \(c.name): F=\(eval.fMeasure) lock=\(lock ?? -1)s maxTempoErrAfterLock=\(err * 100)% meanTempoErrAfter5s=\(settled * 100)%")
        #expect(eval.fMeasure >= 0.95)
        #expect((lock ?? 99) <= 4)
        #expect(err <= 0.01)
    }
}

extension BeatTrackerTests {
    @Test func tempoChangeIsFollowed() throws {
        let signal = TestSignal(segments: [.playing(bpm: 100, beats: 40), .playing(bpm: 132, beats: 53)], noise: 0.02, seed: 11)
        let run = try BeatRun(signal)
        let change = signal.segments[0].seconds
        let eval = BeatEvaluation.score(detected: run.beats, reference: signal.beatTimes, skip: 5)
        let relock = run.lockTime(bpm: 132, from: change, until: signal.duration)
        let err = run.maxTempoError(bpm: 132, from: change + (relock ?? 0), until: signal.duration)
        print("beat tempo change 100→132: F=\(eval.fMeasure) relock=\(relock ?? -1)s maxTempoErrAfterLock=\(err * 100)%")
        #expect(eval.fMeasure >= 0.95)
        #expect((relock ?? 99) <= 4)
    }

    @Test func silentBreakStopsAndResumesBeats() throws {
        let signal = TestSignal(segments: [.playing(bpm: 124, beats: 24), .silence(seconds: 4), .playing(bpm: 124, beats: 40)], seed: 12)
        let run = try BeatRun(signal)
        let breakStart = signal.segments[0].seconds, breakEnd = breakStart + 4
        let eval = BeatEvaluation.score(detected: run.beats, reference: signal.beatTimes, skip: 5)
        let inBreak = run.beats.filter { $0 > breakStart + 0.07 && $0 < breakEnd - 0.07 }
        let relock = run.lockTime(bpm: 124, from: breakEnd, until: signal.duration)
        print("beat silent break: F=\(eval.fMeasure) beatsInBreak=\(inBreak.count) relock=\(relock ?? -1)s")
        #expect(eval.fMeasure >= 0.95)
        #expect(inBreak.isEmpty)
        #expect((relock ?? 99) <= 4)
    }

    @Test func silenceGivesNoBeats() throws {
        let signal = TestSignal(segments: [.silence(seconds: 6)])
        let run = try BeatRun(signal)
        #expect(run.beats.isEmpty)
        #expect(run.bpmByFrame.allSatisfy { $0.bpm == 0 })
    }
}
