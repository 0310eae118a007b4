import CGL

/// The renderer, version and vendor strings of the current GL context.
public struct GLInfo: Sendable, Equatable, Codable {
    public var renderer: String
    public var version: String
    public var vendor: String

    /// Reads the strings from the context current on this thread.
    public static func current() -> GLInfo {
        GLInfo(
            renderer: string(GLenum(GL_RENDERER)),
            version: string(GLenum(GL_VERSION)),
            vendor: string(GLenum(GL_VENDOR))
        )
    }

    private static func string(_ name: GLenum) -> String {
        guard let pointer = glGetString(name) else { return "" }
        return String(cString: pointer)
    }
}

/// Throws the first pending GL error, naming the operation that preceded it.
public func checkGLError(_ operation: @autoclosure () -> String) throws {
    let code = glGetError()
    if code != GLenum(GL_NO_ERROR) {
        throw GraphicsCoreError.gl(operation: operation(), code: code)
    }
}
