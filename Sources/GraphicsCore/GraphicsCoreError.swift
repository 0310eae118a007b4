/// What can go wrong while opening a GL context, a window or a GL object.
public enum GraphicsCoreError: Error, CustomStringConvertible, Equatable {
    /// An EGL call failed; `code` is `eglGetError()`.
    case egl(call: String, code: Int32)
    /// An SDL call failed; `message` is `SDL_GetError()`.
    case sdl(call: String, message: String)
    /// `glGetError()` reported `code` after `operation`.
    case gl(operation: String, code: UInt32)
    /// A shader stage of the program `name` did not compile; `log` is the driver's info log.
    case shaderCompile(name: String, stage: String, log: String)
    /// The program `name` did not link; `log` is the driver's info log.
    case programLink(name: String, log: String)
    /// A framebuffer is not complete; `status` is `glCheckFramebufferStatus`.
    case framebufferIncomplete(status: UInt32)
    /// A size or count that GL cannot take.
    case invalidSize(what: String, width: Int, height: Int)
    /// The image file at `path` could not be read or decoded.
    case image(path: String, message: String)

    public var description: String {
        switch self {
        case let .egl(call, code):
            return "EGL: \(call) failed with 0x\(String(code, radix: 16))"
        case let .sdl(call, message):
            return "SDL: \(call) failed: \(message)"
        case let .gl(operation, code):
            return "GL: error 0x\(String(code, radix: 16)) after \(operation)"
        case let .shaderCompile(name, stage, log):
            return "GL: \(stage) shader of \(name) did not compile: \(log)"
        case let .programLink(name, log):
            return "GL: program \(name) did not link: \(log)"
        case let .framebufferIncomplete(status):
            return "GL: framebuffer incomplete, status 0x\(String(status, radix: 16))"
        case let .invalidSize(what, width, height):
            return "GL: invalid size \(width)x\(height) for \(what)"
        case let .image(path, message):
            return "\(path): cannot read image: \(message)"
        }
    }
}
