import GraphicsCore
@testable import MilkRenderer
import Testing

struct FrameTimingTests {
    @Test func timeComesFromTheClockAndFPSIsMeasured() {
        var timing = FrameTiming(nominalFPS: 60)
        // Frames shown 50 ms apart: time follows the clock, not frame / 60.
        let readings = [10.0, 10.05, 10.1, 10.15]
        var results: [(time: Double, fps: Double)] = []
        for now in readings { results.append(timing.tick(now: now)) }
        #expect(results[0].time == 0 && results[0].fps == 60)
        #expect(abs(results[3].time - 0.15) < 1e-9)
        #expect(abs(results[3].fps - 20) < 1e-6)
    }

    @Test func aNewPresetRestartsTimeButKeepsTheRate() {
        var timing = FrameTiming(nominalFPS: 30)
        _ = timing.tick(now: 1)
        _ = timing.tick(now: 1.5)
        timing.restartPreset()
        let first = timing.tick(now: 2)
        #expect(first.time == 0 && abs(first.fps - 2) < 1e-9)
        #expect(abs(timing.tick(now: 2.25).time - 0.25) < 1e-9)
    }

    @Test func theMeasuredRateFollowsTheLastWindowOfFrames() {
        var timing = FrameTiming()
        var now = 0.0
        for _ in 0..<100 { now += 0.1; _ = timing.tick(now: now) }
        for _ in 0..<FrameTiming.window { now += 0.02; _ = timing.tick(now: now) }
        #expect(abs(timing.fps - 50) < 1e-6)
        #expect(timing.intervals.count == FrameTiming.window)
    }

    @Test func scriptedClockRepeatsItsLastReading() {
        var clock = ScriptedClock([1, 2])
        #expect([clock.seconds(), clock.seconds(), clock.seconds()] == [1, 2, 2])
    }
}
