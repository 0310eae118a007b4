import Determinism
import Glibc

/// MilkDrop 2's per-frame shader constants (`CPlugin::ApplyShaderParams`), computed once per frame on the CPU
/// and shared by both stages.
struct ShaderEnvironmentUniforms {
    /// Scalar uniforms, in `floatNames` order.
    var floats: [Float]
    /// vec4 uniforms, in `vectorNames` order.
    var vectors: [SIMD4<Float>]
    var mipXY: SIMD2<Float>
    /// `rot_s1` … `rot_rand4`, each the 4×3 upper part of MilkDrop's 4×4 matrix as GLSL `mat4x3` columns
    /// (HLSL row r is GLSL column r).
    var rotations: [[Float]]

    static let floatNames = ["time", "fps", "frame", "progress", "bass", "mid", "treb", "vol", "bass_att", "mid_att",
                             "treb_att", "vol_att", "blur1_min", "blur1_max", "blur2_min", "blur2_max", "blur3_min",
                             "blur3_max", "mip_x", "mip_y", "mip_avg"]
    static let vectorNames = ["aspect", "texsize", "roam_cos", "roam_sin", "slow_roam_cos", "slow_roam_sin",
                              "rand_frame", "rand_preset", "_qa", "_qb", "_qc", "_qd", "_qe", "_qf", "_qg", "_qh"]
    static let rotationNames: [String] = ["s", "d", "f", "vf", "uf", "rand"].flatMap { group in (1...4).map { "rot_\(group)\($0)" } }

    /// The values of one frame; `random` gives `rand_frame` and the four `rot_rand` matrices, new every frame.
    /// The 24 matrices are only built when `withRotations` (a program reads one); the random draws happen anyway,
    /// so `rand_frame` does not depend on it.
    init(frame values: ShaderFrameValues, inputs: LayerFrameInputs, width: Int, height: Int, random: inout SeededRandom,
         withRotations: Bool = true) {
        let time = Float(inputs.time)
        // MilkDrop wraps the preset time at 10,000 s for precision.
        let wrapped = time - Float(Int(time / 10000)) * 10000
        // MilkDrop's mip_y repeats log2(width) and its vol is 0.3333·treb (a comma operator in its source);
        // both are kept because presets were tuned on them.
        let mipX = log2f(Float(width))
        let mipY = log2f(Float(width))
        let blur = Self.safeBlurRange(minimum: values.blurMin, maximum: values.blurMax)
        floats = [wrapped, Float(inputs.fps), Float(inputs.frame), Float(inputs.progress),
                  inputs.bass, inputs.mid, inputs.treble, 0.3333 * inputs.treble,
                  inputs.bassAttenuated, inputs.midAttenuated, inputs.trebleAttenuated, 0.3333 * inputs.trebleAttenuated,
                  blur.minimum.x, blur.maximum.x, blur.minimum.y, blur.maximum.y, blur.minimum.z, blur.maximum.z,
                  mipX, mipY, 0.5 * (mipX + mipY)]
        var aspectX: Float = 1, aspectY: Float = 1
        if width > height { aspectY = Float(height) / Float(width) } else { aspectX = Float(width) / Float(height) }
        func roam(_ f: (Float) -> Float, _ speeds: SIMD4<Float>, _ phases: SIMD4<Float>) -> SIMD4<Float> {
            SIMD4(0.5 + 0.5 * f(time * speeds.x + phases.x), 0.5 + 0.5 * f(time * speeds.y + phases.y),
                  0.5 + 0.5 * f(time * speeds.z + phases.z), 0.5 + 0.5 * f(time * speeds.w + phases.w))
        }
        let fast = SIMD4<Float>(0.329, 1.293, 5.070, 20.051), fastPhase = SIMD4<Float>(1.2, 3.9, 2.5, 5.4)
        let slow = SIMD4<Float>(0.0050, 0.0085, 0.0133, 0.0217), slowPhase = SIMD4<Float>(2.7, 5.3, 4.5, 3.8)
        let randFrame = SIMD4(random.unitFloat(), random.unitFloat(), random.unitFloat(), random.unitFloat())
        vectors = [SIMD4(aspectX, aspectY, 1 / aspectX, 1 / aspectY),
                   SIMD4(Float(width), Float(height), 1 / Float(width), 1 / Float(height)),
                   roam(cosf, fast, fastPhase), roam(sinf, fast, fastPhase),
                   roam(cosf, slow, slowPhase), roam(sinf, slow, slowPhase),
                   randFrame, values.shaders.randPreset]
        for group in 0..<8 {
            func q(_ i: Int) -> Float { group * 4 + i < values.q.count ? values.q[group * 4 + i] : 0 }
            vectors.append(SIMD4(q(0), q(1), q(2), q(3)))
        }
        mipXY = SIMD2(mipX, mipY)
        rotations = withRotations ? values.shaders.rotations.map { r in
            Self.rotationMatrix(angles: r.base + r.speed * time, translation: r.translation)
        } : []
        for _ in 0..<4 {
            let angles = SIMD3(random.unitFloat() * 6.28, random.unitFloat() * 6.28, random.unitFloat() * 6.28)
            let translation = SIMD3(random.unitFloat(), random.unitFloat(), random.unitFloat())
            if withRotations { rotations.append(Self.rotationMatrix(angles: angles, translation: translation)) }
        }
    }

    /// MilkDrop's `GetSafeBlurMinMax`: later levels stay inside earlier ranges, and ranges narrower than 0.1 are
    /// widened. Its widening sets both ends to `avg − 0.05` (a slip in MilkDrop that presets live with), kept here.
    static func safeBlurRange(minimum: SIMD3<Float>, maximum: SIMD3<Float>) -> (minimum: SIMD3<Float>, maximum: SIMD3<Float>) {
        var low = minimum, high = maximum
        let minimumDistance: Float = 0.1
        for level in 0..<3 {
            if level > 0 {
                high[level] = min(high[level - 1], high[level])
                low[level] = max(low[level - 1], low[level])
            }
            if high[level] - low[level] < minimumDistance {
                let average = (low[level] + high[level]) * 0.5
                low[level] = average - minimumDistance * 0.5
                high[level] = average - minimumDistance * 0.5
            }
        }
        return (low, high)
    }

    /// Direct3D's `RotationX · Translation · RotationZ · RotationY` (row vectors), as GLSL `mat4x3` columns.
    static func rotationMatrix(angles: SIMD3<Float>, translation: SIMD3<Float>) -> [Float] {
        typealias Matrix = [[Float]]
        func multiply(_ a: Matrix, _ b: Matrix) -> Matrix {
            (0..<4).map { r in (0..<4).map { c in (0..<4).reduce(Float(0)) { $0 + a[r][$1] * b[$1][c] } } }
        }
        let (cx, sx) = (cosf(angles.x), sinf(angles.x))
        let (cy, sy) = (cosf(angles.y), sinf(angles.y))
        let (cz, sz) = (cosf(angles.z), sinf(angles.z))
        let rx: Matrix = [[1, 0, 0, 0], [0, cx, sx, 0], [0, -sx, cx, 0], [0, 0, 0, 1]]
        let ry: Matrix = [[cy, 0, -sy, 0], [0, 1, 0, 0], [sy, 0, cy, 0], [0, 0, 0, 1]]
        let rz: Matrix = [[cz, sz, 0, 0], [-sz, cz, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
        let move: Matrix = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [translation.x, translation.y, translation.z, 1]]
        let m = multiply(multiply(multiply(rx, move), rz), ry)
        return (0..<4).flatMap { r in (0..<3).map { c in m[r][c] } }
    }
}
