import CGL
import GraphicsCore

/// The compositor's depth-of-field blur: each plane out of focus is blurred by a separable 9-tap Gaussian at a
/// quarter of the output size each way (a sixteenth of the pixels to filter).
///
/// When both planes need it (the usual case: focus sits between them), both are blurred in the same two passes,
/// each pass writing two colour attachments, so a frame has two blur passes rather than four. On llvmpipe every
/// pass that reads the previous one's picture waits for it, so fewer passes are worth more than their pixels.
/// Owns GL objects: create, use and free it with the same context current.
final class DepthOfFieldBlur {
    let width: Int
    let height: Int
    /// The horizontal pass's targets (attachment 0: FG, 1: BG) and the blurred planes (same layout).
    private let across: Framebuffer
    private let acrossSecond: Texture2D
    private let blurred: Framebuffer
    private let blurredSecond: Texture2D
    /// Horizontal (two samples across per tap: it also shrinks 4×) and vertical passes, one or two targets.
    private let horizontal: [ShaderProgram]
    private let vertical: [ShaderProgram]

    /// The blurred FG and BG planes of the last frame that blurred them.
    var fgBlurred: Texture2D { blurred.texture }
    var bgBlurred: Texture2D { blurredSecond }

    /// Blur targets for a `width`×`height` output.
    init(width: Int, height: Int) throws {
        self.width = width
        self.height = height
        let (w, h) = (max(1, width / 4), max(1, height / 4))
        across = try wrapGraphics { try Framebuffer(width: w, height: h) }
        acrossSecond = try wrapGraphics { try Texture2D(width: w, height: h) }
        blurred = try wrapGraphics { try Framebuffer(width: w, height: h) }
        blurredSecond = try wrapGraphics { try Texture2D(width: w, height: h) }
        for (framebuffer, second) in [(across, acrossSecond), (blurred, blurredSecond)] {
            glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffer.name)
            glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT1), GLenum(GL_TEXTURE_2D), second.name, 0)
            let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
            guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
                glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
                throw CouplingError.graphics(.framebufferIncomplete(status: status))
            }
        }
        glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
        func programs(across: Bool) throws -> [ShaderProgram] {
            try (1...2).map { targets in
                let program = try wrapGraphics {
                    try ShaderProgram(label: "coupling blur", vertex: CouplingShaders.fullscreenVertex,
                                      fragment: CouplingShaders.blurFragment(targets: targets, across: across))
                }
                program.use()
                program.set("image0", Int32(0))
                program.set("image1", Int32(1))
                return program
            }
        }
        horizontal = try programs(across: true)
        vertical = try programs(across: false)
        glUseProgram(0)
    }

    /// Blurs the planes whose radius (output pixels) is at least a quarter pixel and returns how much of each
    /// blurred plane to mix in (0 = none). Leaves its target bound and its draw buffers routed (only this type
    /// draws into its framebuffers, and it sets the routing before every pass); the caller binds its own.
    func render(foreground: Texture2D, fgRadius: Double, background: Texture2D, bgRadius: Double) -> (fg: Float, bg: Float) {
        var planes: [(source: Texture2D, radius: Double, attachment: GLenum)] = []
        if fgRadius >= 0.25 { planes.append((foreground, fgRadius, GLenum(GL_COLOR_ATTACHMENT0))) }
        if bgRadius >= 0.25 { planes.append((background, bgRadius, GLenum(GL_COLOR_ATTACHMENT1))) }
        guard !planes.isEmpty else { return (0, 0) }
        // Input i of a pass writes output location i: route each to its plane's attachment.
        var buffers = planes.map(\.attachment)
        // Horizontal: the source picture into `across`, shrinking 4×.
        let h = horizontal[planes.count - 1]
        h.use()
        across.bind()
        glDrawBuffers(GLsizei(buffers.count), &buffers)
        for (index, plane) in planes.enumerated() {
            // 9 taps `r / 4` apart with σ = r / 2, in texture coordinates of the output. The kernel is at least
            // 4 px wide (r ≥ 4), as wide as a quarter-size pixel, so no source column is skipped; smaller radii
            // mix less of it in (the return value).
            let kernel = max(plane.radius, 4)
            plane.source.bind(unit: index)
            h.set("step\(index)", Float(kernel / 4 / Double(width)), 0)
            // Two bilinear samples a pixel above and below cover the four source rows of a quarter-size row.
            h.set("across\(index)", 0, Float(1 / Double(height)))
        }
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        // Vertical: `across` into `blurred`, same attachments.
        let v = vertical[planes.count - 1]
        v.use()
        blurred.bind()
        glDrawBuffers(GLsizei(buffers.count), &buffers)
        for (index, plane) in planes.enumerated() {
            let kernel = max(plane.radius, 4)
            (plane.attachment == GLenum(GL_COLOR_ATTACHMENT0) ? across.texture : acrossSecond).bind(unit: index)
            v.set("step\(index)", 0, Float(kernel / 4 / Double(height)))
            v.set("across\(index)", 0, 0)
        }
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        func mix(_ radius: Double) -> Float { radius >= 0.25 ? Float(min(1, radius / 2)) : 0 }
        return (mix(fgRadius), mix(bgRadius))
    }
}
