import Foundation
import CGL
import GraphicsCore

/// A soft switch between two layers over a few seconds: both keep rendering, and their pictures are mixed.
///
/// MilkDrop also blends the two presets' per-frame values and warps with a random spatial pattern; this
/// mixes the finished pictures with a cosine ease, which is what a viewer mostly sees of it.
public final class LayerTransition {
    public let output: Framebuffer
    private let canvas: Canvas

    public init(width: Int, height: Int) throws {
        output = try wrapGraphics { try Framebuffer(width: width, height: height) }
        canvas = try wrapGraphics { try Canvas() }
    }

    /// MilkDrop's cosine easing of a linear progress in 0…1.
    public static func eased(_ progress: Double) -> Float {
        let p = min(max(progress, 0), 1)
        return Float(0.5 - 0.5 * cos(p * Double.pi))
    }

    /// Mixes `from` and `to` (their last outputs) at `progress` (0 = all `from`, 1 = all `to`) into `output`.
    public func mix(from: MilkLayer, to: MilkLayer, progress: Double) throws {
        let amount = Self.eased(progress)
        output.bind()
        glClearColor(0, 0, 0, 1)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT))
        draw(from.output.texture, weight: 1 - amount, blend: .none)
        draw(to.output.texture, weight: amount, blend: .factors(GL_ONE, GL_ONE))
        glDisable(GLenum(GL_BLEND))
        try wrapGraphics { try checkGLError("mixing two layers") }
    }

    private func draw(_ texture: Texture2D, weight: Float, blend: Blend) {
        let corners: [(Float, Float, Float, Float)] = [(-1, 1, 0, 1), (1, 1, 1, 1), (-1, -1, 0, 0), (1, -1, 1, 0)]
        var vertices: [Float] = []
        for (x, y, u, v) in corners { vertices += [x, y, u, v, weight, weight, weight, 1] }
        canvas.drawTextured(vertices, mode: GL_TRIANGLE_STRIP, texture: texture, blend: blend)
    }

    /// The mixed picture as packed RGB, top row first.
    public func readOutput() throws -> [UInt8] { try wrapGraphics { try output.readRGB() } }
}
