import CGL
import Glibc
import GraphicsCore

extension MilkLayer {
    /// MilkDrop's composite without a comp shader: video echo and gamma passes, then the four filters.
    func drawComposite(_ p: LayerParameters, source: Texture2D, time: Float) {
        glClearColor(0, 0, 0, 1)
        glClear(GLbitfield(GL_COLOR_BUFFER_BIT))
        source.setWrap(.clamp)
        let shade = hueShade(amount: p.hueShader, time: time)
        let gamma = min(max(p.gamma, 0), 8)
        let echoZoom = min(max(p.echoZoom, 0.001), 1000)
        if p.echoAlpha > 0.001 {
            let orientation = ((p.echoOrientation % 4) + 4) % 4
            for pass in 0..<2 {
                let zoom: Float = pass == 0 ? 1 : echoZoom
                let low = 0.5 - 0.5 / zoom
                let high = 0.5 + 0.5 / zoom
                var uvs: [SIMD2<Float>] = [SIMD2(low, low), SIMD2(high, low), SIMD2(low, high), SIMD2(high, high)]
                if pass == 1 {
                    uvs = uvs.map { uv in
                        SIMD2(orientation % 2 == 1 ? 1 - uv.x : uv.x, orientation >= 2 ? 1 - uv.y : uv.y)
                    }
                }
                let mix = pass == 1 ? p.echoAlpha : 1 - p.echoAlpha
                drawQuad(uvs, shade: shade, scale: mix, source: source, blend: pass == 0 ? .none : .factors(GL_ONE, GL_ONE))
                if gamma > 0.001 {
                    let redraws = Int(gamma - 0.0001)
                    for redraw in 0..<redraws {
                        let amount = redraw == redraws - 1 ? gamma - Float(Int(gamma - 0.0001)) : 1
                        drawQuad(uvs, shade: shade, scale: amount * mix, source: source, blend: .factors(GL_ONE, GL_ONE))
                    }
                }
            }
        } else {
            let uvs: [SIMD2<Float>] = [SIMD2(0, 0), SIMD2(1, 0), SIMD2(0, 1), SIMD2(1, 1)]
            let passes = Int(gamma - 0.001) + 1
            for pass in 0..<passes {
                let amount = pass == passes - 1 ? gamma - Float(pass) : 1
                drawQuad(uvs, shade: shade, scale: amount, source: source, blend: pass == 0 ? .none : .factors(GL_ONE, GL_ONE))
            }
        }
        drawFilters(p)
    }

    /// A full-screen quad (strip order: top-left, top-right, bottom-left, bottom-right) with MilkDrop uv (v down).
    private func drawQuad(_ uvs: [SIMD2<Float>], shade: [SIMD3<Float>], scale: Float, source: Texture2D, blend: Blend) {
        let positions: [SIMD2<Float>] = [SIMD2(-1, 1), SIMD2(1, 1), SIMD2(-1, -1), SIMD2(1, -1)]
        var vertices: [Float] = []
        for corner in 0..<4 {
            // MilkDrop passes these colours as 8-bit vertex colours.
            let color = (shade[corner] * scale).clamped(lowerBound: .zero, upperBound: .one)
            let quantised = (color * 255).rounded(.towardZero) / 255
            vertices += [positions[corner].x, positions[corner].y, uvs[corner].x, 1 - uvs[corner].y,
                         quantised.x, quantised.y, quantised.z, 1]
        }
        canvas.drawTextured(vertices, mode: GL_TRIANGLE_STRIP, texture: source, blend: blend)
    }

    /// MilkDrop's slow hue shading of the four corners, mixed in by `fShader`; white when it is 0.
    private func hueShade(amount: Float, time: Float) -> [SIMD3<Float>] {
        guard amount > 0.001 else { return Array(repeating: .one, count: 4) }
        return (0..<4).map { corner in
            let i = Float(corner)
            var s = SIMD3<Float>(0.6 + 0.3 * sinf(time * 30 * 0.0143 + 3 + i * 21 + hueOffsets[3]),
                                 0.6 + 0.3 * sinf(time * 30 * 0.0107 + 1 + i * 13 + hueOffsets[1]),
                                 0.6 + 0.3 * sinf(time * 30 * 0.0129 + 6 + i * 9 + hueOffsets[2]))
            s = 0.5 + 0.5 * (s / s.max())
            return s * amount + SIMD3(repeating: 1 - amount)
        }
    }

    private func drawFilters(_ p: LayerParameters) {
        var white: [Float] = []
        for position in [SIMD2<Float>(-1, 1), SIMD2(1, 1), SIMD2(-1, -1), SIMD2(1, -1)] {
            white += [position.x, position.y, 1, 1, 1, 1]
        }
        let draw = { (source: Int32, destination: Int32) in
            self.canvas.drawColored(white, mode: GL_TRIANGLE_STRIP, blend: .factors(source, destination))
        }
        if p.brighten {
            draw(GL_ONE_MINUS_DST_COLOR, GL_ZERO)
            draw(GL_ZERO, GL_DST_COLOR)
            draw(GL_ONE_MINUS_DST_COLOR, GL_ZERO)
        }
        if p.darken { draw(GL_ZERO, GL_DST_COLOR) }
        if p.solarize {
            draw(GL_ZERO, GL_ONE_MINUS_DST_COLOR)
            draw(GL_DST_COLOR, GL_ONE)
        }
        if p.invert { draw(GL_ONE_MINUS_DST_COLOR, GL_ZERO) }
    }
}
