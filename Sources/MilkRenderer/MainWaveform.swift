import Glibc

/// The geometry and colour of MilkDrop's main waveform (modes 0–8), in clip space with y up; no GL.
public struct MainWaveform: Sendable, Equatable {
    /// One or two polylines (mode 7 draws two).
    public var lines: [[SIMD2<Float>]]
    /// Whether the lines close into loops (circle and spiral modes).
    public var isLoop: Bool
    public var color: SIMD4<Float>

    /// Builds the waveform for one frame, as MilkDrop's DrawWave does.
    /// `aspectX`/`aspectY` are the canvas's (1 and 1 on MilkDrop's square canvas; see `WarpMesh`).
    public init(parameters p: LayerParameters, inputs: LayerFrameInputs, width: Int, height: Int,
                aspectX: Float = 1, aspectY: Float = 1) {
        let mode = ((p.waveMode % 9) + 9) % 9
        let spectrum = mode == 8
        let scale = p.waveScale / 128
        var left = Self.smooth(spectrum ? inputs.spectrumLeft : inputs.waveformLeft, scale: scale, smoothing: p.waveSmoothing)
        var right = Self.smooth(spectrum ? inputs.spectrumRight : inputs.waveformRight, scale: scale, smoothing: p.waveSmoothing)
        let count = LayerFrameInputs.waveformSamples
        if left.count < count + 32 { left += Array(repeating: 0, count: count + 32 - left.count) }
        if right.count < count + 32 { right += Array(repeating: 0, count: count + 32 - right.count) }
        var mystery = p.waveMystery
        if [0, 1, 4].contains(mode), mystery < -1 || mystery > 1 {
            mystery = mystery * 0.5 + 0.5
            mystery -= floorf(mystery)
            mystery = fabsf(mystery) * 2 - 1
        }
        let waveX = 2 * p.waveX - 1
        let waveY = 2 * p.waveY - 1
        let time = Float(inputs.time)
        var first: [SIMD2<Float>] = []
        var second: [SIMD2<Float>] = []
        isLoop = mode == 0 || mode == 1
        switch mode {
        case 0:
            let samples = count / 2
            let offset = (count - samples) / 2
            for i in 0..<samples {
                var radius = 0.5 + 0.4 * right[i + offset] + mystery
                let angle = Float(i) / Float(samples) * 6.28 + time * 0.2
                if i < samples / 10 {
                    var mix = Float(i) / (Float(samples) * 0.1)
                    mix = 0.5 - 0.5 * cosf(mix * 3.1416)
                    let radius2 = 0.5 + 0.4 * right[i + samples + offset] + mystery
                    radius = radius2 * (1 - mix) + radius * mix
                }
                first.append(SIMD2(radius * cosf(angle) * aspectY + waveX, radius * sinf(angle) * aspectX + waveY))
            }
        case 1:
            for i in 0..<(count / 2) {
                let radius = 0.53 + 0.43 * right[i] + mystery
                let angle = left[i + 32] * 1.57 + time * 2.3
                first.append(SIMD2(radius * cosf(angle) * aspectY + waveX, radius * sinf(angle) * aspectX + waveY))
            }
        case 2, 3:
            for i in 0..<count {
                first.append(SIMD2(right[i] * aspectY + waveX, left[i + 32] * aspectX + waveY))
            }
        case 4:
            var samples = count
            if samples > width / 3 { samples /= 3 }
            let offset = (count - samples) / 2
            let w1 = 0.45 + 0.5 * (mystery * 0.5 + 0.5)
            let w2 = 1 - w1
            for i in 0..<samples {
                var point = SIMD2(-1 + 2 * Float(i) / Float(samples) + waveX + right[i + 25 + offset] * 0.44,
                                  left[i + offset] * 0.47 + waveY)
                if i > 1 {
                    point = point * w2 + w1 * (first[i - 1] * 2 - first[i - 2])
                }
                first.append(point)
            }
        case 5:
            let cosine = cosf(time * 0.3)
            let sine = sinf(time * 0.3)
            for i in 0..<count {
                let x0 = right[i] * left[i + 32] + left[i] * right[i + 32]
                let y0 = right[i] * right[i] - left[i + 32] * left[i + 32]
                first.append(SIMD2((x0 * cosine - y0 * sine) * aspectY + waveX, (x0 * sine + y0 * cosine) * aspectX + waveY))
            }
        default:
            var samples = mode == 8 ? 256 : count / 2
            if mode != 8, samples > width / 3 { samples /= 3 }
            let edge = LineEdges(angle: 1.57 * mystery, waveX: waveX, samples: samples)
            let separation = powf(waveY * 0.5 + 0.5, 2)
            for i in 0..<samples {
                let base = edge.start + edge.step * Float(i)
                switch mode {
                case 6:
                    first.append(base + edge.perpendicular * (0.25 * left[i + edge.sampleOffset]))
                case 7:
                    first.append(base + edge.perpendicular * (0.25 * left[i + edge.sampleOffset] + separation))
                    second.append(base + edge.perpendicular * (0.25 * right[i + edge.sampleOffset] - separation))
                default:
                    let f = 0.1 * logf(max(left[i * 2] + left[i * 2 + 1], 1e-30))
                    first.append(base + edge.perpendicular * f)
                }
            }
        }
        lines = [Self.smoothLine(first), Self.smoothLine(second)].filter { !$0.isEmpty }
        color = Self.color(p, mode: mode, inputs: inputs, width: width, height: height)
    }

    /// MilkDrop's one-pole smoothing of the samples (±128), scaled by `scale` (the wave scale / 128).
    static func smooth(_ samples: [Float], scale: Float, smoothing: Float) -> [Float] {
        guard !samples.isEmpty else { return [] }
        var out = samples
        out[0] *= scale
        let mix2 = smoothing
        let mix1 = scale * (1 - mix2)
        for i in 1..<out.count { out[i] = out[i] * mix1 + out[i - 1] * mix2 }
        return out
    }

    /// Inserts a cubic midpoint between each pair of points, as MilkDrop does before drawing.
    static func smoothLine(_ points: [SIMD2<Float>]) -> [SIMD2<Float>] {
        guard points.count > 1 else { return points }
        let c1: Float = -0.15, c2: Float = 1.15, c3: Float = 1.15, c4: Float = -0.15
        let inverseSum = 1 / (c1 + c2 + c3 + c4)
        var out: [SIMD2<Float>] = []
        out.reserveCapacity(points.count * 2 - 1)
        var below = 0
        var above2 = 1
        for i in 0..<(points.count - 1) {
            let above = above2
            above2 = min(points.count - 1, i + 2)
            out.append(points[i])
            out.append((c1 * points[below] + c2 * points[i] + c3 * points[above] + c4 * points[above2]) * inverseSum)
            below = i
        }
        out.append(points[points.count - 1])
        return out
    }

    static func color(_ p: LayerParameters, mode: Int, inputs: LayerFrameInputs, width: Int, height: Int) -> SIMD4<Float> {
        var alpha = p.waveColor.w
        let size = max(width, height)
        if mode == 2 || mode == 5 {
            alpha *= size <= 256 ? 0.07 : size <= 512 ? 0.09 : size <= 1024 ? 0.11 : size <= 2048 ? 0.13 : 0.15
        } else if mode == 3 {
            alpha *= size <= 256 ? 0.075 : size <= 512 ? 0.15 : size <= 1024 ? 0.22 : size <= 2048 ? 0.33 : 0.44
            alpha *= 1.3 * inputs.treble * inputs.treble
        }
        if p.modulateWaveAlphaByVolume {
            let volume = inputs.volume
            if volume <= p.modulateAlphaStart {
                alpha = 0
            } else if volume < p.modulateAlphaEnd {
                alpha *= (volume - p.modulateAlphaStart) / (p.modulateAlphaEnd - p.modulateAlphaStart)
            }
        }
        alpha = min(max(alpha, 0), 1)
        var rgb = SIMD3(p.waveColor.x, p.waveColor.y, p.waveColor.z)
        if p.maximizeWaveColor {
            let largest = max(rgb.x, rgb.y, rgb.z)
            if largest > 0.01 { rgb /= largest }
        }
        return SIMD4(rgb, alpha)
    }
}

/// Where a straight waveform (modes 6–8) starts and how it steps, clipped to the screen as MilkDrop clips it.
struct LineEdges {
    var start: SIMD2<Float>
    var step: SIMD2<Float>
    var perpendicular: SIMD2<Float>
    var sampleOffset: Int

    init(angle: Float, waveX: Float, samples: Int) {
        let direction = SIMD2(cosf(angle), sinf(angle))
        let normal = SIMD2(cosf(angle + 1.57), sinf(angle + 1.57))
        var edges = [waveX * normal - direction * 3, waveX * normal + direction * 3]
        for i in 0..<2 {
            for j in 0..<4 {
                let other = edges[1 - i]
                var t: Float = 0
                var clip = false
                switch j {
                case 0: if edges[i].x > 1.1 { t = (1.1 - other.x) / (edges[i].x - other.x); clip = true }
                case 1: if edges[i].x < -1.1 { t = (-1.1 - other.x) / (edges[i].x - other.x); clip = true }
                case 2: if edges[i].y > 1.1 { t = (1.1 - other.y) / (edges[i].y - other.y); clip = true }
                default: if edges[i].y < -1.1 { t = (-1.1 - other.y) / (edges[i].y - other.y); clip = true }
                }
                if clip { edges[i] = other + (edges[i] - other) * t }
            }
        }
        sampleOffset = (LayerFrameInputs.waveformSamples - samples) / 2
        start = edges[0]
        step = (edges[1] - edges[0]) / Float(samples)
        let angle2 = atan2f(step.y, step.x)
        perpendicular = SIMD2(cosf(angle2 + 1.57), sinf(angle2 + 1.57))
    }
}
