import CGL
import GraphicsCore
import Testing

/// SDL video is process-wide, so these run one at a time.
@Suite(.serialized)
struct SDLVideoTests {
    @Test func offscreenDriverOpensAWindowWithACoreContext() throws {
        let video = try SDLVideo(driver: "offscreen")
        #expect(video.driverName == "offscreen")
        let window = try GLWindow(video: video, title: "test", width: 64, height: 48, hidden: true)
        try window.makeCurrent()
        let info = GLInfo.current()
        #expect(!info.renderer.isEmpty)
        #expect(window.drawableSize.width == 64)
        glClearColor(0, 1, 0, 1)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT))
        try checkGLError("clearing the window")
        window.swap()
    }
}
