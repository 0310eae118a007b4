import CSDL2

/// What the window reports between frames, with SDL key codes (GraphicsCore's `WindowEvent` has only key names).
public enum LiveInputEvent: Sendable, Equatable {
    case quit
    case key(code: Int32, shift: Bool)
}

enum LiveEvents {
    /// Drains SDL's event queue (call on the thread that made the window).
    static func poll() -> [LiveInputEvent] {
        var events: [LiveInputEvent] = []
        var event = SDL_Event()
        while SDL_PollEvent(&event) != 0 {
            switch SDL_EventType(event.type) {
            case SDL_QUIT:
                events.append(.quit)
            case SDL_KEYDOWN:
                let shift = (UInt32(event.key.keysym.mod) & UInt32(KMOD_SHIFT.rawValue)) != 0
                events.append(.key(code: event.key.keysym.sym, shift: shift))
            default:
                break
            }
        }
        return events
    }
}
