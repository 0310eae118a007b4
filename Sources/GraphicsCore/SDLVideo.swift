import CSDL2

/// SDL's video subsystem, initialised for the life of this object.
///
/// `driver` picks SDL's video driver (`nil` lets SDL choose; `"offscreen"` needs no display, for tests).
public final class SDLVideo {
    /// Initialises SDL video with the given driver.
    public init(driver: String? = nil) throws {
        if let driver {
            SDL_SetHint(SDL_HINT_VIDEODRIVER, driver)
        }
        guard SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 else {
            throw GraphicsCoreError.sdl(call: "SDL_InitSubSystem(video)", message: sdlError())
        }
    }

    /// The name of the video driver SDL is using.
    public var driverName: String {
        guard let name = SDL_GetCurrentVideoDriver() else { return "" }
        return String(cString: name)
    }

    /// How many displays SDL sees.
    public var displayCount: Int { Int(SDL_GetNumVideoDisplays()) }

    deinit {
        SDL_QuitSubSystem(SDL_INIT_VIDEO)
    }
}

/// An SDL window with an OpenGL 3.3 core context current on the thread that created it.
public final class GLWindow {
    private let window: OpaquePointer
    var handle: OpaquePointer { window }
    private let context: SDL_GLContext
    /// Keeps SDL video alive as long as the window.
    private let video: SDLVideo

    /// Opens a window of `width`×`height` pixels, centred on display `display` (SDL index from 0), with a GL
    /// core context of at least `major.minor`.
    public init(video: SDLVideo, title: String, width: Int32, height: Int32, hidden: Bool = false,
                display: Int32 = 0, major: Int32 = 3, minor: Int32 = 3) throws {
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, major)
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, minor)
        SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, Int32(SDL_GL_CONTEXT_PROFILE_CORE.rawValue))
        SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1)
        var flags = SDL_WINDOW_OPENGL.rawValue | SDL_WINDOW_RESIZABLE.rawValue
        if hidden { flags |= SDL_WINDOW_HIDDEN.rawValue }
        let centred = Int32(0x2FFF_0000) | max(0, display)  // SDL_WINDOWPOS_CENTERED_DISPLAY(display)
        guard let window = SDL_CreateWindow(title, centred, centred, width, height, flags) else {
            throw GraphicsCoreError.sdl(call: "SDL_CreateWindow", message: sdlError())
        }
        guard let context = SDL_GL_CreateContext(window) else {
            let message = sdlError()
            SDL_DestroyWindow(window)
            throw GraphicsCoreError.sdl(call: "SDL_GL_CreateContext(\(major).\(minor) core)", message: message)
        }
        self.window = window
        self.context = context
        self.video = video
    }

    /// Makes this window's context current on the calling thread.
    public func makeCurrent() throws {
        guard SDL_GL_MakeCurrent(window, context) == 0 else {
            throw GraphicsCoreError.sdl(call: "SDL_GL_MakeCurrent", message: sdlError())
        }
    }

    /// Shows what was drawn to the default framebuffer.
    public func swap() { SDL_GL_SwapWindow(window) }

    /// Asks for vsync (1), adaptive vsync (-1) or none (0); returns whether the driver accepted it.
    @discardableResult
    public func setSwapInterval(_ interval: Int32) -> Bool { SDL_GL_SetSwapInterval(interval) == 0 }

    /// The drawable size in pixels.
    public var drawableSize: (width: Int32, height: Int32) {
        var width: Int32 = 0
        var height: Int32 = 0
        SDL_GL_GetDrawableSize(window, &width, &height)
        return (width, height)
    }

    deinit {
        SDL_GL_DeleteContext(context)
        SDL_DestroyWindow(window)
    }
}

func sdlError() -> String {
    guard let message = SDL_GetError() else { return "unknown error" }
    return String(cString: message)
}
