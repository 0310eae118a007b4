import CGL
import Glibc
import GraphicsCore

extension MilkLayer {
    /// Appends a coloured vertex (x, y in clip space).
    /// Appends element by element: an array literal here would allocate once per vertex.
    private func put(_ list: inout [Float], _ point: SIMD2<Float>, _ color: SIMD4<Float>) {
        list.append(point.x)
        list.append(point.y)
        list.append(color.x)
        list.append(color.y)
        list.append(color.z)
        list.append(color.w)
    }

    /// Draws a polyline or point set, four times nudged by a pixel when thick (as MilkDrop does), and dots too
    /// unless `nudgeDots` is false (projectM draws them one pixel wide).
    func drawLine(_ points: [SIMD2<Float>], colors: [SIMD4<Float>], loop: Bool, dots: Bool, thick: Bool, blend: Blend,
                  nudgeDots: Bool = true) {
        guard !points.isEmpty else { return }
        let mode = dots ? GL_POINTS : (loop ? GL_LINE_LOOP : GL_LINE_STRIP)
        let stepX = 2 / Float(canvasWidth)
        let stepY = 2 / Float(canvasHeight)
        let offsets: [SIMD2<Float>] = thick || (dots && nudgeDots)
            ? [.zero, SIMD2(stepX, 0), SIMD2(stepX, stepY), SIMD2(0, stepY)]
            : [.zero]
        for offset in offsets {
            var vertices: [Float] = []
            vertices.reserveCapacity(points.count * 6)
            for (index, point) in points.enumerated() {
                put(&vertices, point + offset, colors[min(index, colors.count - 1)])
            }
            canvas.drawColored(vertices, mode: mode, blend: blend)
        }
    }

    func drawMainWave(_ parameters: LayerParameters, inputs: LayerFrameInputs) {
        if parameters.compatibility == .projectM3, let audio = inputs.projectM {
            return drawProjectMMainWave(parameters, inputs: inputs, audio: audio)
        }
        let wave = MainWaveform(parameters: parameters, inputs: inputs, width: width, height: height,
                                aspectX: mesh.aspectX, aspectY: mesh.aspectY)
        guard wave.color.w > 0 else { return }
        for (index, line) in wave.lines.enumerated() {
            let line = parameters.mainWaveBlend?.blend(line, index: index) ?? line
            drawLine(line, colors: [wave.color], loop: wave.isLoop, dots: parameters.waveDots, thick: parameters.waveThick,
                     blend: parameters.additiveWave ? .additive : .alpha)
        }
    }

    func drawCustomWaves(_ waves: [CustomWaveDrawing], compatibility: RenderCompatibility = .milkdrop) {
        if compatibility == .projectM3 { return drawProjectMCustomWaves(waves) }
        for wave in waves where !wave.points.isEmpty && !wave.colors.isEmpty {
            let points = MainWaveform.smoothLine(wave.points.map { SIMD2($0.x * 2 - 1, $0.y * 2 - 1) })
            let wrapped = wave.colors.map(byteWrapped)
            // The smoothing puts a point between each pair; it takes the colour of the one before it.
            let colors = (0..<points.count).map { wrapped[min($0 / 2, wrapped.count - 1)] }
            drawLine(points, colors: colors, loop: false, dots: wave.dots, thick: wave.thick,
                     blend: wave.additive ? .additive : .alpha)
        }
    }

    func drawShapes(_ shapes: [ShapeInstance], source: Texture2D, compatibility: RenderCompatibility = .milkdrop) {
        // projectM 3.1.12 shrinks shapes and squeezes them by height/width (its aspect correction), and draws thick
        // outlines one pixel wide below a 512 texture.
        let projectM = compatibility == .projectM3
        // MilkDrop's vertex colours are bytes (wrapped); projectM passes floats, which GL clamps.
        func vertexColor(_ color: SIMD4<Float>) -> SIMD4<Float> { projectM ? clampedColor(color) : byteWrapped(color) }
        for shape in shapes {
            let fan = projectM ? shape.fan(aspectY: Float(height) / Float(width), radiusScale: 0.7351)
                : shape.fan(aspectY: mesh.aspectY)
            let blend: Blend = shape.additive ? .additive : .alpha
            if shape.textured {
                var vertices: [Float] = []
                for (index, point) in fan.enumerated() {
                    let color = vertexColor(index == 0 ? shape.centerColor : shape.edgeColor)
                    vertices += [point.x, point.y, point.z, 1 - point.w, color.x, color.y, color.z, color.w]
                }
                canvas.drawTextured(vertices, mode: GL_TRIANGLE_FAN, texture: source, blend: blend)
            } else {
                var vertices: [Float] = []
                for (index, point) in fan.enumerated() {
                    put(&vertices, SIMD2(point.x, point.y), vertexColor(index == 0 ? shape.centerColor : shape.edgeColor))
                }
                canvas.drawColored(vertices, mode: GL_TRIANGLE_FAN, blend: blend)
            }
            if shape.borderColor.w > 0 {
                let rim = fan.dropFirst().dropLast().map { SIMD2($0.x, $0.y) }
                let thick = shape.thickOutline && !(projectM && MainWaveform.projectMTextureSize(width: canvasWidth, height: canvasHeight) < 512)
                drawLine(Array(rim), colors: [shape.borderColor], loop: true, dots: false, thick: thick, blend: .alpha)
            }
        }
    }

    func drawDarkenCenter() {
        let half: Float = 0.05
        let aspectY = mesh.aspectY
        let centre = SIMD4<Float>(0, 0, 0, 3.0 / 32.0)
        let rim = SIMD4<Float>(0, 0, 0, 0)
        var vertices: [Float] = []
        put(&vertices, SIMD2(0, 0), centre)
        for point in [SIMD2(-half * aspectY, 0), SIMD2(0, -half), SIMD2(half * aspectY, 0), SIMD2(0, half), SIMD2(-half * aspectY, 0)] {
            put(&vertices, point, rim)
        }
        canvas.drawColored(vertices, mode: GL_TRIANGLE_FAN, blend: .alpha)
    }

    func drawBorders(_ p: LayerParameters) {
        for border in 0..<2 {
            var color = border == 0 ? p.outerBorderColor : p.innerBorderColor
            guard color.w > 0.001 else { continue }
            // projectM 3.1.12 draws its inner border twice.
            if border == 1, p.compatibility == .projectM3 { color.w = 1 - (1 - min(color.w, 1)) * (1 - min(color.w, 1)) }
            let outer: Float = border == 0 ? 1 : 1 - p.outerBorderSize
            let inner: Float = border == 0 ? 1 - p.outerBorderSize : 1 - p.outerBorderSize - p.innerBorderSize
            // A ring of four quads between the outer and inner squares, as one triangle strip.
            let corners: [SIMD2<Float>] = [SIMD2(-1, -1), SIMD2(1, -1), SIMD2(1, 1), SIMD2(-1, 1), SIMD2(-1, -1)]
            var vertices: [Float] = []
            for corner in corners {
                put(&vertices, corner * outer, color)
                put(&vertices, corner * inner, color)
            }
            canvas.drawColored(vertices, mode: GL_TRIANGLE_STRIP, blend: .alpha)
        }
    }

    /// Short lines from a grid of points towards where the warp moved them from, drawn on the previous frame.
    func drawMotionVectors(_ p: LayerParameters) {
        guard p.motionVectorsColor.w >= 0.001, lastCoordinates.count == mesh.vertexCount else { return }
        var countX = Int(p.motionVectorsX)
        var countY = Int(p.motionVectorsY)
        var fractionX = min(max(p.motionVectorsX - Float(countX), 0), 1)
        var fractionY = min(max(p.motionVectorsY - Float(countY), 0), 1)
        if countX > 64 { countX = 64; fractionX = 0 }
        if countY > 48 { countY = 48; fractionY = 0 }
        guard countX > 0, countY > 0 else { return }
        let minimum = 1 / Float(canvasWidth)
        var vertices: [Float] = []
        vertices.reserveCapacity(countX * countY * 12)
        for row in 0..<countY {
            let fy = (Float(row) + 0.25) / (Float(countY) + fractionY + 0.25 - 1) - p.motionVectorsDY
            guard fy > 0.0001, fy < 0.9999 else { continue }
            for column in 0..<countX {
                let fx = (Float(column) + 0.25) / (Float(countX) + fractionX + 0.25 - 1) + p.motionVectorsDX
                guard fx > 0.0001, fx < 0.9999 else { continue }
                let source = sampleCoordinates(x: fx, y: fy)
                var delta = (source - SIMD2(fx, fy)) * p.motionVectorsLength
                let length = (delta * delta).sum().squareRoot()
                if length <= minimum {
                    delta = length > 1e-8 ? delta * (minimum / length) : SIMD2(minimum, minimum)
                }
                let end = SIMD2(fx, fy) + delta
                put(&vertices, SIMD2(fx * 2 - 1, 1 - fy * 2), p.motionVectorsColor)
                put(&vertices, SIMD2(end.x * 2 - 1, 1 - end.y * 2), p.motionVectorsColor)
            }
        }
        canvas.drawColored(vertices, mode: GL_LINES, blend: .alpha)
    }

    /// Bilinear lookup of last frame's warp texture coordinates at a screen position (y = 0 at the top).
    private func sampleCoordinates(x: Float, y: Float) -> SIMD2<Float> {
        let gx = min(max(x, 0), 1) * Float(mesh.columns)
        let gy = min(max(y, 0), 1) * Float(mesh.rows)
        let x0 = min(Int(gx), mesh.columns - 1)
        let y0 = min(Int(gy), mesh.rows - 1)
        let tx = gx - Float(x0)
        let ty = gy - Float(y0)
        let stride = mesh.columns + 1
        let a = lastCoordinates[y0 * stride + x0]
        let b = lastCoordinates[y0 * stride + x0 + 1]
        let c = lastCoordinates[(y0 + 1) * stride + x0]
        let d = lastCoordinates[(y0 + 1) * stride + x0 + 1]
        return (a * (1 - tx) + b * tx) * (1 - ty) + (c * (1 - tx) + d * tx) * ty
    }
}

/// A colour clamped to 0…1, as GL clamps a float vertex colour written to an 8-bit target (projectM's way).
func clampedColor(_ color: SIMD4<Float>) -> SIMD4<Float> {
    pointwiseMin(pointwiseMax(color, SIMD4(repeating: 0)), SIMD4(repeating: 1))
}
