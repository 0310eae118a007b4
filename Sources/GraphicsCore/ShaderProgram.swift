import CGL

/// A linked vertex + fragment program that owns its GL name and caches uniform locations by name.
public final class ShaderProgram {
    /// The GL program name.
    public let name: GLuint
    /// A label for errors and logs.
    public let label: String
    private var locations: [String: GLint] = [:]

    /// Compiles both stages and links them; compile and link failures throw with the driver's log.
    public init(label: String, vertex: String, fragment: String) throws {
        self.label = label
        let vertexShader = try Self.compile(vertex, type: GLenum(GL_VERTEX_SHADER), stage: "vertex", label: label)
        defer { glDeleteShader(vertexShader) }
        let fragmentShader = try Self.compile(fragment, type: GLenum(GL_FRAGMENT_SHADER), stage: "fragment", label: label)
        defer { glDeleteShader(fragmentShader) }
        let program = glCreateProgram()
        glAttachShader(program, vertexShader)
        glAttachShader(program, fragmentShader)
        glLinkProgram(program)
        var linked: GLint = 0
        glGetProgramiv(program, GLenum(GL_LINK_STATUS), &linked)
        guard linked == GL_TRUE else {
            let log = Self.infoLog(program, isProgram: true)
            glDeleteProgram(program)
            throw GraphicsCoreError.programLink(name: label, log: log)
        }
        self.name = program
        GLObjectCounter.created(.program)
        try checkGLError("linking \(label)")
    }

    /// Makes this the current program.
    public func use() { glUseProgram(name) }

    /// The location of a uniform, looked up once; -1 (ignored by GL) when the program has no such uniform.
    public func location(_ uniform: String) -> GLint {
        if let cached = locations[uniform] { return cached }
        let found = glGetUniformLocation(name, uniform)
        locations[uniform] = found
        return found
    }

    // Setters for the current program (call `use()` first).
    public func set(_ uniform: String, _ value: Float) { glUniform1f(location(uniform), value) }
    public func set(_ uniform: String, _ value: Int32) { glUniform1i(location(uniform), value) }
    public func set(_ uniform: String, _ x: Float, _ y: Float) { glUniform2f(location(uniform), x, y) }
    public func set(_ uniform: String, _ x: Float, _ y: Float, _ z: Float) { glUniform3f(location(uniform), x, y, z) }
    public func set(_ uniform: String, _ x: Float, _ y: Float, _ z: Float, _ w: Float) {
        glUniform4f(location(uniform), x, y, z, w)
    }

    private static func compile(_ source: String, type: GLenum, stage: String, label: String) throws -> GLuint {
        let shader = glCreateShader(type)
        source.withCString { pointer in
            var sources: [UnsafePointer<GLchar>?] = [pointer]
            glShaderSource(shader, 1, &sources, nil)
        }
        glCompileShader(shader)
        var compiled: GLint = 0
        glGetShaderiv(shader, GLenum(GL_COMPILE_STATUS), &compiled)
        guard compiled == GL_TRUE else {
            let log = infoLog(shader, isProgram: false)
            glDeleteShader(shader)
            throw GraphicsCoreError.shaderCompile(name: label, stage: stage, log: log)
        }
        return shader
    }

    private static func infoLog(_ object: GLuint, isProgram: Bool) -> String {
        var length: GLint = 0
        if isProgram {
            glGetProgramiv(object, GLenum(GL_INFO_LOG_LENGTH), &length)
        } else {
            glGetShaderiv(object, GLenum(GL_INFO_LOG_LENGTH), &length)
        }
        guard length > 1 else { return "(no log)" }
        var buffer = [GLchar](repeating: 0, count: Int(length))
        if isProgram {
            glGetProgramInfoLog(object, length, nil, &buffer)
        } else {
            glGetShaderInfoLog(object, length, nil, &buffer)
        }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        var text = String(decoding: bytes, as: UTF8.self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text.split(separator: "\n").joined(separator: " | ")
    }

    deinit {
        glDeleteProgram(name)
        GLObjectCounter.deleted(.program)
    }
}
