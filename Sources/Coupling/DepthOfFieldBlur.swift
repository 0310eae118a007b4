import CGL
import GraphicsCore

/// The compositor's depth-of-field blur: each plane out of focus is shrunk to a quarter of the output size each
/// way by an exact box filter, then blurred by a separable discrete Gaussian (σ = half the radius) at that size.
///
/// When both planes need it (the usual case: focus sits between them) both go through the same three passes,
/// each pass writing two colour attachments. Costs on llvmpipe, where texture reads dominate: the shrink reads
/// every source pixel once through four bilinear samples per blurred pixel (one for a picture drawn at half
/// size), the Gaussian three per pass (five for σ over one texel; `GaussianKernel`) — 7 to 14 reads per blurred
/// pixel, against 27 for a 9-tap blur reading the full-size picture. Reading the half-size picture straight into
/// the first Gaussian pass, without the shrink, measured slower: five reads of a larger texture cost more than
/// one. Owns GL objects: create, use and free it with the same context current.
final class DepthOfFieldBlur {
    let width: Int
    let height: Int
    /// Whether a single plane already at the blur size skips the shrink (a copy there; tests compare with false).
    var skipsShrinkAtBlurSize = true
    /// Blur-size targets, attachment 0 the FG and 1 the BG: shrunk, blurred across, blurred.
    private let stages: [(framebuffer: Framebuffer, second: Texture2D)]
    /// Shrink programs by (targets, box0, box1); Gaussian programs for one and two targets.
    private let shrink: [ShrinkKey: ShaderProgram]
    /// Gaussian programs by [targets − 1][wide].
    private let gaussian: [[ShaderProgram]]

    private struct ShrinkKey: Hashable {
        var targets: Int
        var box0: Bool
        var box1: Bool
    }

    /// The size of the blurred pictures: a quarter of the output each way.
    var blurWidth: Int { stages[0].framebuffer.width }
    var blurHeight: Int { stages[0].framebuffer.height }
    /// The blurred FG and BG planes of the last frame that blurred them.
    var fgBlurred: Texture2D { stages[2].framebuffer.texture }
    var bgBlurred: Texture2D { stages[2].second }

    /// Blur targets for a `width`×`height` output.
    init(width: Int, height: Int) throws {
        self.width = width
        self.height = height
        let (w, h) = (max(1, width / 4), max(1, height / 4))
        var stages: [(Framebuffer, Texture2D)] = []
        for _ in 0..<3 {
            let framebuffer = try wrapGraphics { try Framebuffer(width: w, height: h) }
            let second = try wrapGraphics { try Texture2D(width: w, height: h) }
            glBindFramebuffer(GLenum(GL_FRAMEBUFFER), framebuffer.name)
            glFramebufferTexture2D(GLenum(GL_FRAMEBUFFER), GLenum(GL_COLOR_ATTACHMENT1), GLenum(GL_TEXTURE_2D), second.name, 0)
            let status = glCheckFramebufferStatus(GLenum(GL_FRAMEBUFFER))
            glBindFramebuffer(GLenum(GL_FRAMEBUFFER), 0)
            guard status == GLenum(GL_FRAMEBUFFER_COMPLETE) else {
                throw CouplingError.graphics(.framebufferIncomplete(status: status))
            }
            stages.append((framebuffer, second))
        }
        self.stages = stages
        func program(_ fragment: String) throws -> ShaderProgram {
            let program = try wrapGraphics {
                try ShaderProgram(label: "coupling blur", vertex: CouplingShaders.fullscreenVertex, fragment: fragment)
            }
            program.use()
            program.set("image0", Int32(0))
            program.set("image1", Int32(1))
            return program
        }
        var shrink: [ShrinkKey: ShaderProgram] = [:]
        for box0 in [false, true] {
            shrink[ShrinkKey(targets: 1, box0: box0, box1: false)] =
                try program(CouplingShaders.shrinkFragment(targets: 1, box0: box0, box1: false))
            for box1 in [false, true] {
                shrink[ShrinkKey(targets: 2, box0: box0, box1: box1)] =
                    try program(CouplingShaders.shrinkFragment(targets: 2, box0: box0, box1: box1))
            }
        }
        self.shrink = shrink
        gaussian = try (1...2).map { targets in
            try [false, true].map { try program(CouplingShaders.gaussianFragment(targets: targets, wide: $0)) }
        }
        glUseProgram(0)
    }

    /// Blurs the planes whose radius (output pixels) is at least a quarter pixel (how much of each the composite
    /// mixes in is `mix(radius:)`). Leaves its target bound and its draw buffers routed (only this type draws into
    /// its framebuffers, and it sets the routing before every pass); the caller binds its own.
    func render(foreground: Texture2D, fgRadius: Double, background: Texture2D, bgRadius: Double) throws {
        var planes: [(source: Texture2D, radius: Double, attachment: Int)] = []
        if fgRadius >= 0.25 { planes.append((foreground, fgRadius, 0)) }
        if bgRadius >= 0.25 { planes.append((background, bgRadius, 1)) }
        guard !planes.isEmpty else { return }
        // Input i of a pass writes output location i: route each to its plane's attachment.
        var buffers = planes.map { GLenum(GL_COLOR_ATTACHMENT0 + Int32($0.attachment)) }
        // A source at least ~3× the blur size gets the 4×4 box, a smaller one (a BG at half size) one sample.
        let boxes = planes.map { Double($0.source.width) / Double(blurWidth) > 2.5 }
        let key = ShrinkKey(targets: planes.count, box0: boxes[0], box1: boxes.count > 1 && boxes[1])
        guard let shrinkProgram = shrink[key] else {
            throw CouplingError.graphics(.programLink(name: "coupling blur", log: "no shrink program for \(key)"))
        }
        func pass(_ program: ShaderProgram, into stage: Int, inputs: [Texture2D], uniform: String, values: [(Float, Float)]) {
            program.use()
            stages[stage].framebuffer.bind()
            glDrawBuffers(GLsizei(buffers.count), &buffers)
            for (index, input) in inputs.enumerated() {
                input.bind(unit: index)
                program.set("\(uniform)\(index)", values[index].0, values[index].1)
            }
            glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
        }
        func output(of stage: Int, _ attachment: Int) -> Texture2D {
            attachment == 0 ? stages[stage].framebuffer.texture : stages[stage].second
        }
        // One plane already at the blur size (the BG drawn at half size inside a half-size layer, the default
        // show with the FG in focus): the shrink would copy it texel for texel, so the Gaussian reads it instead.
        let skipsShrink = skipsShrinkAtBlurSize && planes.count == 1
            && planes[0].source.width == blurWidth && planes[0].source.height == blurHeight
        // Shrink: offsets of one output pixel, the corners of the centre texels of a 4×4 block.
        if !skipsShrink {
            pass(shrinkProgram, into: 0, inputs: planes.map(\.source), uniform: "offset",
                 values: planes.map { _ in (Float(1 / Double(width)), Float(1 / Double(height))) })
        }
        // σ = kernel / 2 output pixels, the kernel at least 4 px (one blurred pixel) so the fade-in of small radii
        // (the return value) mixes in a blur that is already smooth.
        let sigmas = planes.map { max($0.radius, 4) / 2 }
        let (across, down) = (Double(width) / Double(blurWidth), Double(height) / Double(blurHeight))
        let kernels = sigmas.map { (x: GaussianKernel(sigma: $0 / across), y: GaussianKernel(sigma: $0 / down)) }
        let wide = kernels.contains { $0.x.wide || $0.y.wide }
        let program = gaussian[planes.count - 1][wide ? 1 : 0]
        func weights(_ kernel: GaussianKernel, _ index: Int) {
            program.set("near\(index)", kernel.near.x, kernel.near.y, kernel.near.z)
            program.set("far\(index)", kernel.far.x, kernel.far.y)
        }
        program.use()
        for (index, kernel) in kernels.enumerated() { weights(kernel.x, index) }
        pass(program, into: 1, inputs: planes.map { skipsShrink ? $0.source : output(of: 0, $0.attachment) }, uniform: "texel",
             values: planes.map { _ in (Float(1 / Double(blurWidth)), 0) })
        for (index, kernel) in kernels.enumerated() { weights(kernel.y, index) }
        pass(program, into: 2, inputs: planes.map { output(of: 1, $0.attachment) }, uniform: "texel",
             values: planes.map { _ in (0, Float(1 / Double(blurHeight))) })
    }

    /// How much of a plane's blurred picture the composite mixes in for a blur `radius` (output pixels): none
    /// below a quarter pixel, then fading in over the first two pixels — all of it from 1.9 px, where the last
    /// 5 % of sharp picture cannot be seen, so the plane counts as blurred only (drawn small, one read).
    static func mix(radius: Double) -> Float {
        radius < 0.25 ? 0 : radius >= fullMixRadius ? 1 : Float(radius / 2)
    }

    /// The radius from which a plane is shown blurred only.
    static let fullMixRadius = 1.9
}
