import CGL

/// A GL buffer object (vertices or indices) that owns its name; contents are replaced whole each update.
public final class GLBuffer {
    /// What the buffer holds.
    public enum Kind: Sendable { case vertices, indices }

    public let name: GLuint
    public let kind: Kind
    /// How many bytes the last upload held.
    public private(set) var byteCount = 0

    public init(kind: Kind) {
        var name: GLuint = 0
        glGenBuffers(1, &name)
        GLObjectCounter.created(.buffer)
        self.name = name
        self.kind = kind
    }

    var target: GLenum { kind == .vertices ? GLenum(GL_ARRAY_BUFFER) : GLenum(GL_ELEMENT_ARRAY_BUFFER) }

    /// Replaces the contents with `values` (stream usage: rewritten every frame). Index buffers must be bound
    /// through their vertex array, so bind the array first for `.indices`.
    public func upload<Element>(_ values: [Element]) {
        glBindBuffer(target, name)
        let bytes = values.count * MemoryLayout<Element>.stride
        values.withUnsafeBytes { raw in
            if bytes == byteCount, bytes > 0 {
                glBufferSubData(target, 0, bytes, raw.baseAddress)
            } else {
                glBufferData(target, bytes, raw.baseAddress, GLenum(GL_STREAM_DRAW))
            }
        }
        byteCount = bytes
    }

    deinit {
        var name = self.name
        glDeleteBuffers(1, &name)
        GLObjectCounter.deleted(.buffer)
    }
}

/// A vertex array object: which buffers feed which attributes.
public final class VertexArray {
    public let name: GLuint

    public init() {
        var name: GLuint = 0
        glGenVertexArrays(1, &name)
        GLObjectCounter.created(.vertexArray)
        self.name = name
    }

    public func bind() { glBindVertexArray(name) }
    public static func unbind() { glBindVertexArray(0) }

    /// Feeds float attribute `index` from `buffer`: `components` floats per vertex, `stride` and `offset` in floats.
    public func setAttribute(_ index: Int, buffer: GLBuffer, components: Int, stride: Int, offset: Int) {
        bind()
        glBindBuffer(GLenum(GL_ARRAY_BUFFER), buffer.name)
        glEnableVertexAttribArray(GLuint(index))
        let floatSize = MemoryLayout<Float>.stride
        glVertexAttribPointer(GLuint(index), GLint(components), GLenum(GL_FLOAT), GLboolean(GL_FALSE),
                              GLsizei(stride * floatSize), UnsafeRawPointer(bitPattern: offset * floatSize))
    }

    /// Attaches an index buffer to this array.
    public func setIndices(_ buffer: GLBuffer) {
        bind()
        glBindBuffer(GLenum(GL_ELEMENT_ARRAY_BUFFER), buffer.name)
    }

    deinit {
        var name = self.name
        glDeleteVertexArrays(1, &name)
        GLObjectCounter.deleted(.vertexArray)
    }
}
