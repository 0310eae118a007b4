import CSDL2

/// What a window reports between frames.
public enum WindowEvent: Sendable, Equatable {
    case quit
    /// A key went down: SDL's key `name` ("Right", "Left", "F", "Escape", "Space", …), its key `code` (`SDLK_…`) and
    /// whether a shift key was held.
    case key(name: String, code: Int32, shift: Bool)
    case resized(width: Int, height: Int)
}

extension GLWindow {
    /// Drains SDL's event queue.
    public func pollEvents() -> [WindowEvent] {
        var events: [WindowEvent] = []
        var event = SDL_Event()
        while SDL_PollEvent(&event) != 0 {
            switch SDL_EventType(event.type) {
            case SDL_QUIT:
                events.append(.quit)
            case SDL_KEYDOWN:
                let name = SDL_GetKeyName(event.key.keysym.sym).map { String(cString: $0) } ?? ""
                let shift = (UInt32(event.key.keysym.mod) & UInt32(KMOD_SHIFT.rawValue)) != 0
                events.append(.key(name: name, code: event.key.keysym.sym, shift: shift))
            case SDL_WINDOWEVENT where event.window.event == UInt8(SDL_WINDOWEVENT_SIZE_CHANGED.rawValue):
                events.append(.resized(width: Int(event.window.data1), height: Int(event.window.data2)))
            default:
                break
            }
        }
        return events
    }

    /// Switches between a desktop-sized borderless fullscreen and a window.
    public func setFullscreen(_ on: Bool) {
        SDL_SetWindowFullscreen(handle, on ? SDL_WINDOW_FULLSCREEN_DESKTOP.rawValue : 0)
    }
}
