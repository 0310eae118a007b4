/// What can go wrong while opening a GL context, a window or a GL object.
public enum GraphicsCoreError: Error, CustomStringConvertible, Equatable {
    /// An EGL call failed; `code` is `eglGetError()`.
    case egl(call: String, code: Int32)
    /// An SDL call failed; `message` is `SDL_GetError()`.
    case sdl(call: String, message: String)
    /// `glGetError()` reported `code` after `operation`.
    case gl(operation: String, code: UInt32)

    public var description: String {
        switch self {
        case let .egl(call, code):
            return "EGL: \(call) failed with 0x\(String(code, radix: 16))"
        case let .sdl(call, message):
            return "SDL: \(call) failed: \(message)"
        case let .gl(operation, code):
            return "GL: error 0x\(String(code, radix: 16)) after \(operation)"
        }
    }
}
