import Glibc

extension MainWaveform {
    /// projectM 3.1.12's main waveform (`MilkdropWaveform::WaveformMath` and `Draw`), for `--compat projectm`.
    ///
    /// It differs from MilkDrop's throughout: the circle and line modes draw every sample that arrived this frame
    /// (1,470 at 30 fps), the others 480; nothing is smoothed or subdivided; the round modes are squeezed by the
    /// picture's height/width; the line modes take their height from `wave_x`; the rotation and horizontal scale
    /// are applied about clip-space (0.5, 0.5) of its upside-down texture; dots are ignored (GLES has no line stipple); and the alpha of
    /// modes 2, 3 and 5 is scaled by the feedback texture's nearest power of two (`textureSize`).
    /// `aspect` is the picture's height / width.
    public init(projectM p: LayerParameters, inputs: LayerFrameInputs, audio: ProjectMAudio, aspect: Float, textureSize: Int) {
        let mode = min(max(p.waveMode, 0), 7)
        let mystery = min(max(p.waveMystery, -1), 1)
        let scale = p.waveScale
        let volumeScale = audio.scale
        let newCount = audio.newSamples
        // pcmdataL/R hold only the frame's new samples; projectM's buffers read 0 past them.
        func left(_ i: Int) -> Float { i < newCount ? volumeScale * audio.sample(audio.left, i) : 0 }
        func right(_ i: Int) -> Float { i < newCount ? volumeScale * audio.sample(audio.right, i) : 0 }
        let x = p.waveX
        let topY = 1 - p.waveY
        let time = Float(inputs.time)
        var rotation: Float = 0
        var aspectScale: Float = 1
        var first: [SIMD2<Float>] = []
        var second: [SIMD2<Float>] = []
        let blobCount = 512 - 32
        switch mode {
        case 0:
            let count = newCount
            if count > 0 {
                let offset = (right(0) + left(0)) - (right(count - 1) + left(count - 1))
                for i in 0..<count {
                    let value = right(i) + left(i) + offset * (Float(i) / Float(count))
                    let radius = (0.5 + 0.4 * 0.12 * value * scale + mystery) * 0.5
                    let theta = Float(i) / Float(count) * 6.28 + time * 0.2
                    first.append(SIMD2(radius * cosf(theta) * aspect + x, radius * sinf(theta) + topY))
                }
            }
        case 1:
            aspectScale = aspect
            for i in 0..<blobCount {
                let theta = left(i + 32) * 0.06 * scale * 1.57 + time * 2.3
                let radius = (0.53 + 0.43 * right(i) * 0.12 * scale + mystery) * 0.5
                first.append(SIMD2(radius * cosf(theta) * aspect + x, radius * sinf(theta) + topY))
            }
        case 2, 3:
            let squeeze = mode == 2 ? aspect : 1
            for i in 0..<blobCount {
                first.append(SIMD2(right(i) * scale * 0.5 * squeeze + x, left(i + 32) * scale * 0.5 + topY))
            }
        case 4:
            rotation = -mystery * 90
            let w1 = 0.45 + 0.5 * (mystery * 0.5 + 0.5)
            let w2 = 1 - w1
            for i in 0..<blobCount {
                var point = SIMD2(-1 + 2 * (Float(i) / Float(blobCount)) + x + 0.4 * right(i) * 0.44 * scale,
                                  0.4 * left(i) * 0.47 * scale + topY)
                if i > 1 { point = point * w2 + w1 * (first[i - 1] * 2 - first[i - 2]) }
                first.append(point)
            }
        case 5:
            let cosine = cosf(time * 0.3)
            let sine = sinf(time * 0.3)
            for i in 0..<blobCount {
                let r = right(i), l = left(i + 32)
                let x0 = r * l + l * r
                let y0 = r * r - l * l
                first.append(SIMD2((x0 * cosine - y0 * sine) * scale * 0.5 * aspect + x,
                                   (x0 * sine + y0 * cosine) * scale * 0.5 + topY))
            }
        default:
            rotation = -mystery * 90
            aspectScale = 1 - 2 * 0.4142 * (fabsf(fabsf(mystery) - 0.5) - 0.5)
            let count = newCount
            // projectM places the line modes by wave_x (its `wave_x_temp`), not wave_y.
            let base = 1 - x
            let separation = p.waveY * p.waveY * 0.5
            for i in 0..<count {
                let u = Float(i) / Float(count)
                if mode == 6 {
                    first.append(SIMD2(u, right(i) * 0.04 * scale + base))
                } else {
                    first.append(SIMD2(u, left(i) * 0.04 * scale + base + separation))
                    second.append(SIMD2(u, right(i) * 0.04 * scale + base - separation))
                }
            }
        }
        let angle = rotation * Float.pi / 180
        let (c, s) = (cosf(angle), sinf(angle))
        func transformed(_ v: SIMD2<Float>) -> SIMD2<Float> {
            var q = v * 2 - 1 - 0.5
            q.x *= aspectScale
            q = SIMD2(c * q.x - s * q.y, s * q.x + c * q.y) + 0.5
            // projectM's feedback texture is upside down (its composite flips it): y = 0 is the picture's top.
            return SIMD2(q.x, -q.y)
        }
        lines = [first.map(transformed), second.map(transformed)].filter { $0.count > 1 }
        isLoop = mode == 0
        color = Self.projectMColor(p, mode: mode, volume: inputs.volume, treble: inputs.treble, textureSize: textureSize)
    }

    /// `ModulateOpacityByVolume` then `MaximizeColors`, with projectM's exact texture-size table (sizes other than
    /// 256…2048 leave the alpha alone).
    static func projectMColor(_ p: LayerParameters, mode: Int, volume: Float, treble: Float, textureSize: Int) -> SIMD4<Float> {
        var alpha = p.waveColor.w
        if p.modulateWaveAlphaByVolume {
            if volume <= p.modulateAlphaStart {
                alpha = 0
            } else if volume < p.modulateAlphaEnd {
                alpha *= (volume - p.modulateAlphaStart) / (p.modulateAlphaEnd - p.modulateAlphaStart)
            }
        }
        if mode == 2 || mode == 5 {
            alpha *= [256: 0.07, 512: 0.09, 1024: 0.11, 2048: 0.13][textureSize] ?? 1
        } else if mode == 3 {
            alpha *= [256: 0.075, 512: 0.15, 1024: 0.22, 2048: 0.33][textureSize] ?? 1
            alpha *= 1.3 * treble * treble
        }
        var rgb = SIMD3(p.waveColor.x, p.waveColor.y, p.waveColor.z)
        if p.maximizeWaveColor {
            let largest = max(rgb.x, rgb.y, rgb.z)
            if largest > 0 { rgb /= largest }
        }
        return SIMD4(rgb.clamped(lowerBound: .zero, upperBound: .one), min(max(alpha, 0), 1))
    }

    /// projectM's `Renderer::nearestPower2` of the larger feedback side: the closer power of two (the higher on a tie).
    public static func projectMTextureSize(width: Int, height: Int) -> Int {
        let value = max(width, height)
        guard value > 0 else { return 0 }
        if value & (value - 1) == 0 { return value }
        var power = 0
        var rest = value
        while rest != 0 { rest >>= 1; power += 1 }
        return (1 << power) - value <= value - (1 << (power - 1)) ? 1 << power : 1 << (power - 1)
    }
}
