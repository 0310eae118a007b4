import LiveShow
import Testing

struct PairChangePolicyTests {
    let policy = PairChangePolicy(minimumDwell: 10, maximumDwell: 30)

    @Test func aBeatChangesOnlyAfterTheMinimumDwell() {
        #expect(policy.decide(elapsed: 5, beat: true, requested: false, locked: false) == nil)
        #expect(policy.decide(elapsed: 10, beat: false, requested: false, locked: false) == nil)
        #expect(policy.decide(elapsed: 10, beat: true, requested: false, locked: false) == .beat)
    }

    @Test func withoutBeatsTheMaximumDwellChanges() {
        #expect(policy.decide(elapsed: 29.9, beat: false, requested: false, locked: false) == nil)
        #expect(policy.decide(elapsed: 30, beat: false, requested: false, locked: false) == .maximumDwell)
    }

    @Test func aLockStopsAutomaticChangesButNotRequests() {
        #expect(policy.decide(elapsed: 100, beat: true, requested: false, locked: true) == nil)
        #expect(policy.decide(elapsed: 0, beat: false, requested: true, locked: true) == .request)
    }

    @Test func aFixedIntervalIgnoresBeatsAndLandsOnWholeFrames() {
        let fixed = PairChangePolicy(fixedInterval: 5)
        #expect(fixed.decide(elapsed: 149.0 / 30, beat: true, requested: false, locked: false) == nil)
        #expect(fixed.decide(elapsed: 150.0 / 30 - 0.0 / 30, beat: false, requested: false, locked: false) == .interval)
        #expect(fixed.decide(elapsed: (1 + 150.0) / 30 - 1.0 / 30, beat: false, requested: false, locked: false) == .interval)
    }

    @Test func badSettingsAreRefusedWithTheirName() {
        #expect(throws: LiveShowError.self) { try PairChangePolicy(minimumDwell: 20, maximumDwell: 10).validated() }
        #expect(throws: LiveShowError.self) { try PairChangePolicy(transitionSeconds: .nan).validated() }
    }

    @Test func progressRunsFromTheChangeToTheEarliestNextChangeThenHolds() {
        let dwell = PairChangePolicy(minimumDwell: 10, maximumDwell: 30)
        #expect(dwell.progress(elapsed: 0) == 0)
        #expect(dwell.progress(elapsed: 2.5) == 0.25)
        #expect(dwell.progress(elapsed: 10) == 1)
        #expect(dwell.progress(elapsed: 25) == 1)
        #expect(dwell.progress(elapsed: -1) == 0)
        let interval = PairChangePolicy(fixedInterval: 4)
        #expect(interval.progress(elapsed: 1) == 0.25)
        // No time to run through: already at the end.
        #expect(PairChangePolicy(minimumDwell: 0, maximumDwell: 0).progress(elapsed: 0) == 1)
    }
}
