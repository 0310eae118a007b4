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
        let player = try WindowPlayer(video: video, title: "test", width: 96, height: 54, count: 2, hidden: true) { _ in
            StaticDriver(parameters)
        }
        var audio = SilentAudio()
        let luma = try player.run(frames: 5, audio: &audio)
        #expect(luma > 0.05)
        #expect(player.log.isEmpty)
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
}
