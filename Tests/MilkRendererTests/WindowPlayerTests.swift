import Foundation
import GraphicsCore
@testable import MilkRenderer
import Testing

@Suite(.serialized)
struct WindowPlayerTests {
    @Test func showsANonBlackPictureInAnOffscreenWindow() throws {
        let video = try SDLVideo(driver: "offscreen")
        var parameters = LayerParameters()
        parameters.outerBorderSize = 0.1
        parameters.outerBorderColor = SIMD4(1, 1, 0, 1)
        let border = parameters
        let player = try WindowPlayer(video: video, title: "test", width: 96, height: 54, count: 2, hidden: true) { _ in
            StaticDriver(border)
        }
        var audio = SilentAudio()
        let luma = try player.run(frames: 5, audio: &audio)
        #expect(luma > 0.05)
        #expect(player.log.allSatisfy { $0.hasPrefix("no shared GL context") })
    }

    @Test func playStepsByTheClockNotByFrameCount() throws {
        let video = try SDLVideo(driver: "offscreen")
        let player = try WindowPlayer(video: video, title: "test", width: 32, height: 18, count: 1, fps: 60, hidden: true) { _ in
            StaticDriver(LayerParameters())
        }
        var audio = SilentAudio()
        var clock = ScriptedClock([5, 5.1, 5.2, 5.3])
        try player.run(frames: 4, audio: &audio, clock: &clock)
        let inputs = try #require(player.lastInputs)
        #expect(abs(inputs.time - 0.3) < 1e-9)
        #expect(abs(inputs.fps - 10) < 1e-6)
        #expect(inputs.frame == 3)
    }

    @Test func aSwitchKeepsPlayingTheOldPresetUntilThePreparerIsReady() throws {
        let video = try SDLVideo(driver: "offscreen")
        let counter = FrameCounter()
        let held = HeldPreparer()
        let player = try WindowPlayer(video: video, title: "test", width: 32, height: 18, count: 3, hidden: true,
                                      preparer: held) { index in
            counter.made(index)
            return CountingDriver(id: index, counter: counter)
        }
        var audio = SilentAudio()
        try player.run(frames: 2, audio: &audio)
        player.request(1)
        try player.run(frames: 3, audio: &audio)
        #expect(held.requests == [1])
        #expect(player.index == 0)
        #expect(counter.frames == [0: 5])

        held.ready = PlayerPreset(index: 1, driver: CountingDriver(id: 1, counter: counter))
        try player.run(frames: 2, audio: &audio)
        #expect(player.index == 1)
        #expect(player.requested == nil)
        #expect(counter.frames == [0: 5, 1: 2])
        // The new preset's frames count from its start.
        #expect(player.lastInputs?.frame == 1)
        // The synchronous path (the factory on this thread) ran for the first preset only.
        #expect(counter.calls.map(\.index) == [0])
    }

    @Test func severalRequestsEndOnTheLastOneBuiltOffTheRenderThread() throws {
        let video = try SDLVideo(driver: "offscreen")
        let counter = FrameCounter()
        let factory: WindowPlayer.DriverFactory = { index in
            counter.made(index)
            return CountingDriver(id: index, counter: counter)
        }
        let preparer = PlayerPreparer(compiler: nil, makeDriver: factory)
        let player = try WindowPlayer(video: video, title: "test", width: 32, height: 18, count: 3, hidden: true,
                                      preparer: preparer, makeDriver: factory)
        var audio = SilentAudio()
        try player.run(frames: 1, audio: &audio)
        player.request(1)
        player.request(-1)
        preparer.finish()
        try player.run(frames: 1, audio: &audio)
        #expect(player.index == 2)
        #expect(counter.frames[1] == nil)
        #expect(counter.frames[2] == 1)
        let calls = counter.calls
        let renderThread = pthread_self()
        #expect(calls.first.map { pthread_equal($0.thread, renderThread) != 0 } == true)
        #expect(calls.count >= 2)
        #expect(calls.dropFirst().allSatisfy { pthread_equal($0.thread, renderThread) == 0 })
    }
}

/// Counts the frames each test driver drew and where the player's factory ran.
final class FrameCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int: Int] = [:]
    private var factoryCalls: [(index: Int, thread: pthread_t)] = []

    var frames: [Int: Int] { lock.withLock { counts } }
    var calls: [(index: Int, thread: pthread_t)] { lock.withLock { factoryCalls } }

    func made(_ index: Int) { lock.withLock { factoryCalls.append((index, pthread_self())) } }
    func drew(_ id: Int) { lock.withLock { counts[id, default: 0] += 1 } }
}

/// A plain layer that counts its frames.
struct CountingDriver: LayerDriver {
    let id: Int
    let counter: FrameCounter
    var diagnostics: [String] { [] }

    func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> (LayerParameters, WarpField?) {
        counter.drew(id)
        return (LayerParameters(), nil)
    }
}

/// A preparer that is slow until the test hands it a preset.
final class HeldPreparer: PlayerPreparing {
    var requests: [Int] = []
    var ready: PlayerPreset?

    func request(_ index: Int) { requests.append(index) }

    func take() -> PlayerPreset? {
        defer { ready = nil }
        return ready
    }
}
