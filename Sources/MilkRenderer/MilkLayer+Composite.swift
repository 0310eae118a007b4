import CGL
import Glibc
import GraphicsCore

extension MilkLayer {
    /// MilkDrop's composite without a comp shader: video echo and gamma, then the four filters.
    ///
    /// MilkDrop draws the picture several times additively (once per video-echo layer and once more per whole
    /// step of gamma). Those sums are folded into one pass here: each vertex carries the summed 8-bit colours of
    /// the plain and the echo layer, and the fragment shader adds the two samples. Only the rounding of each
    /// intermediate draw to 8 bits is lost, at most a step or two of 255.
    func drawComposite(_ p: LayerParameters, source: Texture2D, time: Float) {
        drawComposite(p, layers: compositeLayers(p, time: time), source: source)
    }

    /// Draws the composite of `layers` (`compositeLayers`), then the filters.
    func drawComposite(_ p: LayerParameters, layers: CompositeLayers, source: Texture2D) {
        source.setWrap(.clamp)
        let (uvs0, uvs1, weights0, weights1) = layers
        let positions: [SIMD2<Float>] = [SIMD2(-1, 1), SIMD2(1, 1), SIMD2(-1, -1), SIMD2(1, -1)]
        var vertices: [Float] = []
        for corner in 0..<4 {
            vertices += [positions[corner].x, positions[corner].y,
                         uvs0[corner].x, 1 - uvs0[corner].y, uvs1[corner].x, 1 - uvs1[corner].y,
                         weights0[corner].x, weights0[corner].y, weights0[corner].z,
                         weights1[corner].x, weights1[corner].y, weights1[corner].z]
        }
        // Texel for pixel only when the feedback buffer is the size of the picture drawn (`picture`, bound).
        canvas.drawComposite(vertices, texture: source, stretched: canvasWidth != picture.width || canvasHeight != picture.height,
                             echo: weights1.contains { $0 != .zero })
        drawFilters(p)
    }

    /// This frame's composite as a `DeferredComposite`, when it is one texel-for-pixel read of the canvas times
    /// per-corner weights, clamped: no video echo, no filter, the canvas the picture's size (not projectM's).
    func deferrableComposite(_ p: LayerParameters, layers: CompositeLayers, source: Texture2D) -> DeferredComposite? {
        guard p.compatibility != .projectM3, !p.brighten, !p.darken, !p.solarize, !p.invert,
              canvasWidth == picture.width, canvasHeight == picture.height,
              layers.weights1.allSatisfy({ $0 == .zero }) else { return nil }
        return DeferredComposite(canvas: source, cornerWeights: layers.weights0)
    }

    /// The composite's two layers, plain and video echo: per corner (top-left, top-right, bottom-left,
    /// bottom-right) the texture coordinates (v = 0 at the top) and the summed weights of MilkDrop's redraws.
    typealias CompositeLayers = (uvs0: [SIMD2<Float>], uvs1: [SIMD2<Float>], weights0: [SIMD3<Float>], weights1: [SIMD3<Float>])

    /// This frame's `CompositeLayers`.
    func compositeLayers(_ p: LayerParameters, time: Float) -> CompositeLayers {
        let shade = hueShade(amount: p.hueShader, time: time)
        let gamma = min(max(p.gamma, 0), 8)
        let echoZoom = min(max(p.echoZoom, 0.001), 1000)
        let full: [SIMD2<Float>] = [SIMD2(0, 0), SIMD2(1, 0), SIMD2(0, 1), SIMD2(1, 1)]
        var weights0 = [SIMD3<Float>](repeating: .zero, count: 4)
        var weights1 = [SIMD3<Float>](repeating: .zero, count: 4)
        var uvs0 = full
        var uvs1 = full
        func add(_ weights: inout [SIMD3<Float>], scale: Float) {
            for corner in 0..<4 {
                // MilkDrop passes each draw's colour as an 8-bit vertex colour.
                let color = (shade[corner] * scale).clamped(lowerBound: .zero, upperBound: .one)
                weights[corner] += (color * 255).rounded(.towardZero) / 255
            }
        }
        if p.echoAlpha > 0.001 {
            let orientation = ((p.echoOrientation % 4) + 4) % 4
            let low = 0.5 - 0.5 / echoZoom
            let high = 0.5 + 0.5 / echoZoom
            uvs1 = [SIMD2(low, low), SIMD2(high, low), SIMD2(low, high), SIMD2(high, high)].map { uv in
                SIMD2(orientation % 2 == 1 ? 1 - uv.x : uv.x, orientation >= 2 ? 1 - uv.y : uv.y)
            }
            for pass in 0..<2 {
                let mix = pass == 1 ? p.echoAlpha : 1 - p.echoAlpha
                var weights = [SIMD3<Float>](repeating: .zero, count: 4)
                add(&weights, scale: mix)
                if gamma > 0.001 {
                    let redraws = Int(gamma - 0.0001)
                    for redraw in 0..<redraws {
                        let amount = redraw == redraws - 1 ? gamma - Float(Int(gamma - 0.0001)) : 1
                        add(&weights, scale: amount * mix)
                    }
                }
                if pass == 0 { weights0 = weights } else { weights1 = weights }
            }
        } else {
            uvs0 = full
            let passes = Int(gamma - 0.001) + 1
            for pass in 0..<passes {
                add(&weights0, scale: pass == passes - 1 ? gamma - Float(pass) : 1)
            }
        }
        return (uvs0, uvs1, weights0, weights1)
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
