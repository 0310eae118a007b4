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
}
