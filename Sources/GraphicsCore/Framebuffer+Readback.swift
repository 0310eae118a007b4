import CGL

extension Framebuffer {
    /// Reads the colour attachment as packed 8-bit RGB, top row first (GL's rows are bottom first).
    ///
    /// Raw bytes rather than `Recording.RGBImage`, so GraphicsCore stays free of codec dependencies;
    /// callers that record wrap the bytes in an `RGBImage`.
    public func readRGB() throws -> [UInt8] {
        let rowBytes = width * 3
        var bottomFirst = [UInt8](repeating: 0, count: rowBytes * height)
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), name)
        glPixelStorei(GLenum(GL_PACK_ALIGNMENT), 1)
        glReadPixels(0, 0, GLsizei(width), GLsizei(height), GLenum(GL_RGB), GLenum(GL_UNSIGNED_BYTE), &bottomFirst)
        glBindFramebuffer(GLenum(GL_READ_FRAMEBUFFER), 0)
        try checkGLError("reading back a \(width)x\(height) framebuffer")
        var topFirst = [UInt8](repeating: 0, count: bottomFirst.count)
        topFirst.withUnsafeMutableBufferPointer { destination in
            bottomFirst.withUnsafeBufferPointer { source in
                for row in 0..<height {
                    let from = (height - 1 - row) * rowBytes
                    let to = row * rowBytes
                    for index in 0..<rowBytes { destination[to + index] = source[from + index] }
                }
            }
        }
        return topFirst
    }
}
