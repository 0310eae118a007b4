import MilkExpression
import MilkPreset
import PresetCompilation

/// One custom wave: init + per_frame in one variable space, per_point in another, as MilkDrop runs them.
struct WaveRunner: Sendable {
    let index: Int
    let frameInputs: SharedInputs
    let pointInputs: SharedInputs
    let frameColor: [Slot]
    let frameSamples: Slot
    let frameX, frameY: Slot
    let frameT: [Slot]
    let pointT: [Slot]
    let sample, value1, value2, x, y: Slot
    let pointColor: [Slot]
    var initialT = [Double](repeating: 0, count: 8)

    init(index: Int, programs: inout PresetPrograms) {
        self.index = index
        let frame = CodeSpace.waveFrame(index)
        let point = CodeSpace.wavePoint(index)
        frameInputs = SharedInputs { programs.slot($0, in: frame) }
        pointInputs = SharedInputs { programs.slot($0, in: point) }
        frameColor = ["r", "g", "b", "a"].map { programs.slot($0, in: frame) }
        frameSamples = programs.slot("samples", in: frame)
        frameX = programs.slot("x", in: frame)
        frameY = programs.slot("y", in: frame)
        frameT = (1...8).map { programs.slot("t\($0)", in: frame) }
        pointT = (1...8).map { programs.slot("t\($0)", in: point) }
        sample = programs.slot("sample", in: point)
        value1 = programs.slot("value1", in: point)
        value2 = programs.slot("value2", in: point)
        x = programs.slot("x", in: point)
        y = programs.slot("y", in: point)
        pointColor = ["r", "g", "b", "a"].map { programs.slot($0, in: point) }
    }

    private func loadBase(_ wave: CustomWave, _ context: inout ExpressionContext) {
        for (slot, value) in zip(frameColor, [wave.r, wave.g, wave.b, wave.a]) { context[slot] = Double(value) }
        context[frameSamples] = Double(wave.samples)
    }

    mutating func initialise(preset: Preset, q: [Double], frameValues: [Double], programs: inout PresetPrograms) {
        let wave = preset.waves[index]
        programs.withContext(.waveFrame(index)) { context in
            loadBase(wave, &context)
            frameInputs.load(frameValues, q: q, into: &context)
        }
        programs.run(.waveInit(index))
        let context = programs.contexts[.waveFrame(index)] ?? ExpressionContext()
        initialT = frameT.map { context[$0] }
    }

    /// Runs per_frame, then per_point for every sample; nil when there is nothing to draw.
    mutating func drawing(preset: Preset, q: [Double], inputs: LayerFrameInputs, frameValues: [Double],
                          programs: inout PresetPrograms) -> CustomWaveDrawing? {
        let wave = preset.waves[index]
        let projectM = inputs.projectM
        programs.withContext(.waveFrame(index)) { context in
            loadBase(wave, &context)
            frameInputs.load(frameValues, q: q, into: &context)
            for (slot, value) in zip(frameT, initialT) { context[slot] = value }
            // projectM's waves have x and y (0.5) in per_frame, and per_point starts from them.
            if projectM != nil { context[frameX] = 0.5; context[frameY] = 0.5 }
        }
        programs.run(.wavePerFrame(index))
        let frameContext = programs.contexts[.waveFrame(index)] ?? ExpressionContext()
        let color = frameColor.map { frameContext[$0] }
        let t = frameT.map { frameContext[$0] }
        // MilkDrop hands per_point the q values as this wave's per_frame left them (`var_pp_q = var_pf_q`), so a
        // wave may set its own q1… for its points.
        let waveQ = frameInputs.readQ(frameContext)
        let requested = frameContext[frameSamples]
        var samples = requested.isFinite ? min(max(Int(requested), 0), 512) : 0
        let left: [Float], right: [Float]
        if let projectM {
            // projectM 3.1.12 ignores `sep` and reads its own sound data (`ProjectMAudio`).
            samples = max(samples, 1)
            left = projectM.customWaveValues(count: samples, right: false, spectrum: wave.spectrum,
                                             smoothing: wave.smoothing, scaling: wave.scaling)
            right = projectM.customWaveValues(count: samples, right: true, spectrum: wave.spectrum,
                                              smoothing: wave.smoothing, scaling: wave.scaling)
        } else {
            let separation = max(wave.sep, 0)
            samples -= separation
            guard samples >= 2 || (wave.useDots && samples >= 1) else { return nil }
            (left, right) = Self.values(wave, scale: preset.base.waveScale, samples: samples, separation: separation,
                                        inputs: inputs)
        }
        let startX = projectM == nil ? nil : Float(frameContext[frameX])
        let startY = projectM == nil ? nil : Float(frameContext[frameY])
        let code = programs.blocks[.wavePerPoint(index)]?.code
        return programs.withContext(.wavePoint(index)) { context in
            pointInputs.load(frameValues, q: waveQ, into: &context)
            for (slot, value) in zip(pointT, t) { context[slot] = value }
            var points: [SIMD2<Float>] = []
            var colors: [SIMD4<Float>] = []
            points.reserveCapacity(samples)
            colors.reserveCapacity(samples)
            for j in 0..<samples {
                context[sample] = samples > 1 ? Double(j) / Double(samples - 1) : 0
                context[value1] = Double(left[j])
                context[value2] = Double(right[j])
                context[x] = Double(startX ?? 0.5 + left[j])
                context[y] = Double(startY ?? 0.5 + right[j])
                for (slot, value) in zip(pointColor, color) { context[slot] = value }
                code?.run(in: &context)
                points.append(SIMD2(Float(context[x]), Float(context[y])))
                colors.append(SIMD4(Float(context[pointColor[0]]), Float(context[pointColor[1]]),
                                    Float(context[pointColor[2]]), Float(context[pointColor[3]])))
            }
            return CustomWaveDrawing(points: points, colors: colors, dots: wave.useDots, thick: wave.drawThick,
                                     additive: wave.additive)
        }
    }

    /// MilkDrop's value1/value2: waveform (or spectrum) samples smoothed forwards and backwards, then scaled.
    static func values(_ wave: CustomWave, scale waveScale: Float, samples: Int, separation: Int,
                       inputs: LayerFrameInputs) -> ([Float], [Float]) {
        let maxSamples = 512
        let left = wave.spectrum ? inputs.spectrumLeft : inputs.waveformLeft
        let right = wave.spectrum ? inputs.spectrumRight : inputs.waveformRight
        let scale = (wave.spectrum ? 0.15 : 0.004) * wave.scaling * waveScale
        let j0 = wave.spectrum ? 0 : (maxSamples - samples) / 2 - separation / 2
        let j1 = wave.spectrum ? 0 : (maxSamples - samples) / 2 + separation / 2
        let step: Float = wave.spectrum ? Float(maxSamples - separation) / Float(samples) : 1
        let mix1 = (min(max(wave.smoothing, 0), 1) * 0.98).squareRoot()
        let mix2 = 1 - mix1
        func read(_ data: [Float], _ index: Int) -> Float { index >= 0 && index < data.count ? data[index] : 0 }
        var a = [Float](repeating: 0, count: samples)
        var b = [Float](repeating: 0, count: samples)
        a[0] = read(left, j0)
        b[0] = read(right, j1)
        if samples > 1 {
            for j in 1..<samples {
                a[j] = read(left, Int(Float(j) * step) + j0) * mix2 + a[j - 1] * mix1
                b[j] = read(right, Int(Float(j) * step) + j1) * mix2 + b[j - 1] * mix1
            }
            for j in stride(from: samples - 2, through: 0, by: -1) {
                a[j] = a[j] * mix2 + a[j + 1] * mix1
                b[j] = b[j] * mix2 + b[j + 1] * mix1
            }
        }
        return (a.map { $0 * scale }, b.map { $0 * scale })
    }
}
