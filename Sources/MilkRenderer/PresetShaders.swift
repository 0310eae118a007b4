import Determinism
import Foundation
import MilkPreset
import ShaderTranslation

/// A preset's MilkDrop 2 warp and comp shaders, translated once at load, with the per-preset random values
/// MilkDrop draws for them (`rand_preset`, the `rot_*` matrices' phases).
///
/// A stage whose translation failed is nil and has one line in `failures`; the layer then draws that stage
/// the MilkDrop 1 way, as MilkDrop falls back to its default shaders.
public struct PresetShaders: Sendable, Equatable {
    /// What `rot_s1` … `rot_uf4` (20 matrices) turn by: MilkDrop's `CState::RandomizePresetVars`.
    public struct Rotation: Sendable, Equatable {
        public var base: SIMD3<Float>
        public var speed: SIMD3<Float>
        public var translation: SIMD3<Float>
    }

    public var presetName: String
    public var warp: TranslatedShader?
    public var comp: TranslatedShader?
    /// One line per stage that could not be translated: preset, stage and the translator's error.
    public var failures: [String]
    public var randPreset: SIMD4<Float>
    public var rotations: [Rotation]
    /// Tells presets apart for the layer's program cache: a hash of both shader texts and the seed (and the
    /// user textures, once given).
    public var identity: UInt64
    /// User textures by sampler name (`sampler_clouds`), decoded; a sampler without one reads neutral grey.
    public private(set) var textures: [String: ResolvedTexture] = [:]

    /// Translates `preset`'s shaders (only those MilkDrop would run: shader model ≥ 2 and some text); `seed`
    /// fixes the per-preset random values; `translate` turns a shader text into GLSL (a caller that has already
    /// translated them, e.g. through the disk cache, hands its results in here).
    public init(preset: Preset, seed: UInt64,
                translate: (String, ShaderStage) throws -> TranslatedShader = ShaderTranslator.translate) {
        presetName = preset.name
        failures = []
        let warpText = preset.header.warpShaderModel >= 2 ? preset.warpShaderText : ""
        let compText = preset.header.compShaderModel >= 2 ? preset.compShaderText : ""
        func translated(_ text: String, _ stage: ShaderStage, _ failures: inout [String]) -> TranslatedShader? {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            do {
                return try translate(text, stage)
            } catch {
                failures.append("\(preset.name): \(stage.rawValue) shader not translated, MilkDrop's default used: \(error)")
                return nil
            }
        }
        warp = translated(warpText, .warp, &failures)
        comp = translated(compText, .comp, &failures)
        var hash = FNV1a64()
        hash.update(Array(warpText.utf8) + [0] + Array(compText.utf8) + [0] + Array("\(seed)".utf8))
        identity = hash.value
        // MilkDrop draws rand_preset first, then for each of the 20 matrices translation, base angle and speed.
        var random = SeededRandom(seed: seed ^ 0x5EED_5A0E_D2)
        randPreset = SIMD4(random.unitFloat(), random.unitFloat(), random.unitFloat(), random.unitFloat())
        rotations = (0..<20).map { k in
            func triple(_ body: () -> Float) -> SIMD3<Float> { let x = body(), y = body(), z = body(); return SIMD3(x, y, z) }
            let speedScale = 0.9 * powf(Float(k) / 8, 3.2)
            let translation = triple { random.unitFloat() * 2 - 1 }
            let base = triple { random.unitFloat() * 6.28 }
            let speed = triple { (random.unitFloat() * 2 - 1) * speedScale }
            return Rotation(base: base, speed: speed, translation: translation)
        }
    }

    /// Gives the user textures the shaders name (from `UserTextureLibrary`); the layer uploads them once.
    public mutating func useTextures(_ resolved: [ResolvedTexture]) {
        var hash = FNV1a64()
        hash.update(Array("\(identity)".utf8))
        for texture in resolved {
            textures[texture.sampler] = texture
            hash.update(Array(texture.sampler.utf8) + Array((texture.path ?? "-").utf8))
        }
        identity = hash.value
    }

    /// The user-texture samplers the shaders read (any sampler that is not MilkDrop's own).
    public var userSamplers: [String] {
        let names = [warp, comp].compactMap { $0 }.flatMap { $0.samplers }.filter {
            if case .user = ShaderSamplerBinding($0).source { return true } else { return false }
        }.map(\.name)
        return Array(Set(names)).sorted()
    }

    /// Whether any stage runs a translated shader.
    public var hasShaders: Bool { warp != nil || comp != nil }

    /// The highest blur level (0…3) either shader samples: the pyramid is computed only that far.
    public var highestBlur: Int {
        var level = 0
        for shader in [warp, comp].compactMap({ $0 }) {
            for sampler in shader.samplers {
                for candidate in 1...3 where sampler.name.hasSuffix("blur\(candidate)") { level = max(level, candidate) }
            }
        }
        return level
    }
}

/// What the shader passes need of one frame beyond the MilkDrop 1 values: the preset's shaders, q1…q32 after
/// per_frame, and the blur ranges per_frame left.
public struct ShaderFrameValues: Sendable, Equatable {
    public var shaders: PresetShaders
    /// q1…q32 as per_frame left them (MilkDrop's `_qa` … `_qh`).
    public var q: [Float]
    /// blur1_min … blur3_min and blur1_max … blur3_max as per_frame left them.
    public var blurMin: SIMD3<Float>
    public var blurMax: SIMD3<Float>
    public var blur1EdgeDarken: Float

    public init(shaders: PresetShaders, q: [Float] = Array(repeating: 0, count: 32), blurMin: SIMD3<Float> = .zero,
                blurMax: SIMD3<Float> = .one, blur1EdgeDarken: Float = 0.25) {
        self.shaders = shaders
        self.q = q
        self.blurMin = blurMin
        self.blurMax = blurMax
        self.blur1EdgeDarken = blur1EdgeDarken
    }
}
