import CGL

/// The pieces projectM 3.1.12 draws differently from MilkDrop, for `--compat projectm` (`RenderCompatibility`).
extension MilkLayer {
    /// projectM's main waveform (`MainWaveform(projectM:…)`): one-pixel lines, two when thick.
    func drawProjectMMainWave(_ parameters: LayerParameters, inputs: LayerFrameInputs, audio: ProjectMAudio) {
        let wave = MainWaveform(projectM: parameters, inputs: inputs, audio: audio, aspect: Float(height) / Float(width),
                                textureSize: MainWaveform.projectMTextureSize(width: canvasWidth, height: canvasHeight))
        guard wave.color.w > 0 else { return }
        for line in wave.lines {
            drawLine(line, colors: [wave.color], loop: wave.isLoop, dots: false, thick: parameters.waveThick,
                     blend: parameters.additiveWave ? .additive : .alpha)
        }
    }

    /// projectM's custom waves: the points as per_point left them (no midpoints), colours clamped rather than
    /// wrapped, dots one pixel (two when thick).
    func drawProjectMCustomWaves(_ waves: [CustomWaveDrawing]) {
        for wave in waves where !wave.points.isEmpty && !wave.colors.isEmpty {
            let points = wave.points.map { SIMD2($0.x * 2 - 1, $0.y * 2 - 1) }
            let colors = wave.colors.map { $0.clamped(lowerBound: .zero, upperBound: .one) }
            drawLine(points, colors: colors, loop: false, dots: wave.dots, thick: wave.thick,
                     blend: wave.additive ? .additive : .alpha, nudgeDots: false)
        }
    }

    /// projectM's motion vectors (`MotionVectors::Draw`): a grid of `mv_l`-pixel dots at
    /// (mv_dx + i/mv_x, mv_dy + j/mv_y) from the top left (its texture is upside down), drawn on the new frame after
    /// the warp.
    func drawProjectMMotionVectors(_ p: LayerParameters) {
        let color = p.motionVectorsColor
        guard color.w > 0, p.motionVectorsX > 0, p.motionVectorsY > 0, p.motionVectorsX + p.motionVectorsY < 600 else { return }
        let countX = Int(p.motionVectorsX)
        let countY = Int(p.motionVectorsY)
        var vertices: [Float] = []
        vertices.reserveCapacity(countX * countY * 6)
        for i in 0..<countX {
            for j in 0..<countY {
                let x = p.motionVectorsDX + Float(i) / p.motionVectorsX
                let y = p.motionVectorsDY + Float(j) / p.motionVectorsY
                vertices += [x * 2 - 1, 1 - y * 2, color.x, color.y, color.z, min(color.w, 1)]
            }
        }
        glPointSize(max(1, p.motionVectorsLength))
        canvas.drawColored(vertices, mode: GL_POINTS, blend: .alpha)
        glPointSize(1)
    }
}
