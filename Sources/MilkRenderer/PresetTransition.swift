import Determinism
import Glibc

/// One frame of a transition: what a single `MilkLayer` draws while two presets blend.
public struct BlendedFrame: Sendable {
    /// The blended per-frame values, with both presets' shapes and waves.
    public var parameters: LayerParameters
    /// The warp's texture coordinates per mesh vertex: each preset's warp, mixed by the blend pattern.
    public var textureCoordinates: [SIMD2<Float>]
    /// Linear progress 0…1 at this frame.
    public var progress: Float
}

/// MilkDrop 2's soft switch from one preset to another over `duration` seconds (milkdropfs.cpp, no shaders).
///
/// Both presets keep running their code; one layer (one feedback loop) draws the result, so the new preset grows
/// out of the old one's picture:
/// - the warp: each preset's per-vertex texture coordinates, mixed per vertex by `BlendPattern` (a wipe, plasma
///   or radial front sweeping the picture);
/// - per-frame values (decay, gamma, echo, wave colour and position, borders, motion vectors) mixed with the
///   cosine ease of the progress; on/off values (wrap, invert, brighten, darken, solarize, darken centre, echo
///   orientation, wave dots/thick/additive/maximise) switch at the halfway point; the rest is the new preset's;
/// - custom shapes and waves of both presets, alphas scaled by progress and 1 − progress;
/// - the main waveform: the two presets' waves with their points interpolated by the eased progress;
/// - MilkDrop 2 shaders (`ShaderBlend`): the old preset's warp (or MilkDrop 1 warp) drawn first, the new one's over
///   it with the per-vertex weight as alpha; the same for the composite (see `MilkLayer+ShaderBlend`).
///
/// Progress comes from the injected time of each frame's inputs, so a transition renders the same every run.
public struct PresetTransition {
    public var from: any LayerDriver
    public var to: any LayerDriver
    /// Seconds (on the inputs' clock) when the blend starts, and how long it lasts.
    public let start: Double
    public let duration: Double
    public let pattern: BlendPattern

    /// A transition with a given pattern.
    public init(from: any LayerDriver, to: any LayerDriver, start: Double, duration: Double, pattern: BlendPattern) {
        self.from = from
        self.to = to
        self.start = start
        self.duration = max(duration, 0)
        self.pattern = pattern
    }

    /// A transition with MilkDrop's random choice of pattern, fixed by `seed`.
    public init(from: any LayerDriver, to: any LayerDriver, start: Double, duration: Double, mesh: WarpMesh, seed: UInt64) {
        var random = SeededRandom(seed: seed)
        self.init(from: from, to: to, start: start, duration: duration,
                  pattern: BlendPattern.random(mesh: mesh, random: &random))
    }

    /// Linear progress at `time`: 0 before `start`, 1 from `start + duration` on.
    public func progress(at time: Double) -> Float {
        guard duration > 0 else { return time >= start ? 1 : 0 }
        return Float(min(max((time - start) / duration, 0), 1))
    }

    /// Whether the blend is over at `time` (the caller then keeps only `to`).
    public func isFinished(at time: Double) -> Bool { progress(at: time) >= 1 }

    /// Runs both presets for this frame and blends them.
    public mutating func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> BlendedFrame {
        let p = progress(at: inputs.time)
        let (old, oldField) = from.frame(inputs, mesh: mesh)
        let (new, newField) = to.frame(inputs, mesh: mesh)
        let oldUV = mesh.textureCoordinates(parameters: old, field: oldField, time: inputs.time)
        let newUV = mesh.textureCoordinates(parameters: new, field: newField, time: inputs.time)
        var coordinates = newUV
        var weights = [Float](repeating: 0, count: coordinates.count)
        for index in coordinates.indices {
            let w = pattern.weight(vertex: index, progress: p)
            weights[index] = w
            coordinates[index] = newUV[index] * w + oldUV[index] * (1 - w)
        }
        var parameters = Self.blend(old, new, progress: p)
        // MilkDrop draws both presets' shaders, mixed by the same per-vertex weights; without shaders on either
        // side the blend is all in the coordinates and values above.
        if old.shaderFrame?.shaders.hasShaders == true || new.shaderFrame?.shaders.hasShaders == true {
            parameters.shaderBlend = ShaderBlend(old: old.shaderFrame, weights: weights)
        }
        let oldWave = MainWaveform(parameters: old, inputs: inputs, width: mesh.pixelsWide, height: mesh.pixelsHigh,
                                   aspectX: mesh.aspectX, aspectY: mesh.aspectY)
        parameters.mainWaveBlend = MainWaveBlend(lines: oldWave.lines, newWeight: Self.eased(p))
        return BlendedFrame(parameters: parameters, textureCoordinates: coordinates, progress: p)
    }

    /// MilkDrop's `CosineInterp`.
    public static func eased(_ progress: Float) -> Float { 0.5 - 0.5 * cosf(min(max(progress, 0), 1) * Float.pi) }

    /// The per-frame values MilkDrop draws a blended frame with (the warp and main wave are blended separately).
    public static func blend(_ old: LayerParameters, _ new: LayerParameters, progress: Float) -> LayerParameters {
        let mix = eased(progress)
        func m(_ a: Float, _ b: Float) -> Float { b * mix + a * (1 - mix) }
        func m4(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD4<Float> { b * mix + a * (1 - mix) }
        func snap<T>(_ a: T, _ b: T) -> T { mix < 0.5 ? a : b }
        var p = new
        p.decay = m(old.decay, new.decay)
        p.waveColor = m4(old.waveColor, new.waveColor)
        p.waveX = m(old.waveX, new.waveX)
        p.waveY = m(old.waveY, new.waveY)
        p.waveMystery = m(old.waveMystery, new.waveMystery)
        p.outerBorderSize = m(old.outerBorderSize, new.outerBorderSize)
        p.outerBorderColor = m4(old.outerBorderColor, new.outerBorderColor)
        p.innerBorderSize = m(old.innerBorderSize, new.innerBorderSize)
        p.innerBorderColor = m4(old.innerBorderColor, new.innerBorderColor)
        p.motionVectorsX = m(old.motionVectorsX, new.motionVectorsX)
        p.motionVectorsY = m(old.motionVectorsY, new.motionVectorsY)
        p.motionVectorsDX = m(old.motionVectorsDX, new.motionVectorsDX)
        p.motionVectorsDY = m(old.motionVectorsDY, new.motionVectorsDY)
        p.motionVectorsLength = m(old.motionVectorsLength, new.motionVectorsLength)
        p.motionVectorsColor = m4(old.motionVectorsColor, new.motionVectorsColor)
        p.echoZoom = m(old.echoZoom, new.echoZoom)
        p.echoAlpha = m(old.echoAlpha, new.echoAlpha)
        p.gamma = m(old.gamma, new.gamma)
        p.echoOrientation = snap(old.echoOrientation, new.echoOrientation)
        p.waveDots = snap(old.waveDots, new.waveDots)
        p.waveThick = snap(old.waveThick, new.waveThick)
        p.additiveWave = snap(old.additiveWave, new.additiveWave)
        p.maximizeWaveColor = snap(old.maximizeWaveColor, new.maximizeWaveColor)
        p.darkenCenter = snap(old.darkenCenter, new.darkenCenter)
        p.textureWrap = snap(old.textureWrap, new.textureWrap)
        p.invert = snap(old.invert, new.invert)
        p.brighten = snap(old.brighten, new.brighten)
        p.darken = snap(old.darken, new.darken)
        p.solarize = snap(old.solarize, new.solarize)
        // Shapes and waves: the new preset's first, then the old one's, alphas scaled by the linear progress.
        p.shapes = new.shapes.map { $0.fading(by: progress) } + old.shapes.map { $0.fading(by: 1 - progress) }
        p.waves = new.waves.map { $0.fading(by: progress) } + old.waves.map { $0.fading(by: 1 - progress) }
        return p
    }
}

/// The old preset's side of a blend for the shader passes: its shader values (nil: it draws the MilkDrop 1 way) and
/// the new preset's weight at each mesh vertex (`BlendPattern`), which MilkDrop passes as the vertex alpha.
public struct ShaderBlend: Sendable, Equatable {
    public var old: ShaderFrameValues?
    public var weights: [Float]
}

/// The old preset's main waveform during a blend; the new wave's points are drawn interpolated towards it.
public struct MainWaveBlend: Sendable, Equatable {
    public var lines: [[SIMD2<Float>]]
    /// The new wave's weight (MilkDrop's eased progress).
    public var newWeight: Float

    /// MilkDrop's wave blend: each point of the new line moves towards the old line, sampled at the same
    /// relative position.
    public func blend(_ line: [SIMD2<Float>], index: Int) -> [SIMD2<Float>] {
        guard index < lines.count, let old = Optional(lines[index]), !old.isEmpty, !line.isEmpty else { return line }
        let step = Float(old.count - 1) / Float(line.count)
        return line.indices.map { i in
            let position = Float(i) * step
            let k = min(Int(position), old.count - 1)
            let t = position - Float(k)
            let o = k + 1 < old.count ? old[k] * (1 - t) + old[k + 1] * t : old[k]
            return line[i] * newWeight + o * (1 - newWeight)
        }
    }
}

extension ShapeInstance {
    /// The shape with every alpha scaled (MilkDrop's `alpha_mult` while blending).
    func fading(by amount: Float) -> ShapeInstance {
        var shape = self
        shape.centerColor.w *= amount
        shape.edgeColor.w *= amount
        shape.borderColor.w *= amount
        return shape
    }
}

extension CustomWaveDrawing {
    /// The wave with every point's alpha scaled.
    func fading(by amount: Float) -> CustomWaveDrawing {
        var wave = self
        wave.colors = wave.colors.map { SIMD4($0.x, $0.y, $0.z, $0.w * amount) }
        return wave
    }
}
