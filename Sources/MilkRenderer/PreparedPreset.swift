import Foundation
import MilkPreset
import ShaderTranslation

/// Everything the CPU can do to load a preset before the render thread takes over: the parsed preset, its compiled
/// code (the layer driver), both shaders translated and its user textures decoded. GL work (compiling the GLSL,
/// uploading the textures) is left to the render thread.
public struct PreparedPreset {
    /// The `.milk` file.
    public var path: String
    public var preset: Preset
    /// The preset's code, compiled: per_frame, per_pixel, shapes and waves.
    public var driver: any LayerDriver
    /// The warp shader's translation or the translator's error; nil when the preset has no warp shader.
    public var warp: Result<TranslatedShader, ShaderTranslationError>?
    /// The comp shader's translation or error; nil when the preset has no comp shader.
    public var comp: Result<TranslatedShader, ShaderTranslationError>?
    /// The user textures the shaders name, decoded (neutral stand-ins for missing ones).
    public var textures: [ResolvedTexture]
    /// Problems worth a log line each (dropped statements, shader errors, missing textures), naming the preset.
    public var warnings: [String]
    /// Where the time went, for benchmarks and logs.
    public var timing: Timing

    /// Seconds spent in each step, and whether the shader cache answered.
    public struct Timing: Sendable, Equatable, Codable {
        public var parseSeconds: Double = 0
        public var compileSeconds: Double = 0
        public var translateSeconds: Double = 0
        public var textureSeconds: Double = 0
        /// Shaders served by the cache / translated now.
        public var cachedShaders = 0
        public var translatedShaders = 0

        public var totalSeconds: Double { parseSeconds + compileSeconds + translateSeconds + textureSeconds }
    }
}

extension PreparedPreset {
    /// The preset's MilkDrop 2 shaders as its driver draws them (translated, textures given), nil without any.
    public var shaders: PresetShaders? { (driver as? PresetDriver)?.shaderSlots?.shaders }
}

/// What the preparation of a preset needs besides its path.
public struct PreparationSettings: Sendable {
    /// Fixes the preset's `rand()` and its `randNN` texture picks.
    public var seed: UInt64
    /// Where translations are kept.
    public var cache: ShaderCache
    /// User texture folders, after the preset's own folder (see `UserTextureLibrary`).
    public var textureFolders: [String]
    /// Decode user textures too (off for benchmarks of code and shaders alone).
    public var loadTextures: Bool

    public init(seed: UInt64 = 1, cache: ShaderCache = ShaderCache(), textureFolders: [String] = [], loadTextures: Bool = true) {
        self.seed = seed
        self.cache = cache
        self.textureFolders = textureFolders
        self.loadTextures = loadTextures
    }
}

extension PreparedPreset {
    /// Does the CPU part of loading the preset at `path`, on whatever thread calls it.
    ///
    /// Only an unreadable or unparsable file is an error; shader errors and missing textures are carried in the value
    /// (the renderer then falls back to MilkDrop's default warp or comp) and listed in `warnings`.
    public static func prepare(path: String, settings: PreparationSettings) throws(MilkRendererError) -> PreparedPreset {
        let clock = ContinuousClock()
        var timing = Timing()
        func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        var start = clock.now
        let preset: Preset
        do {
            preset = try Preset(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let message = "\(error)"
            throw .preparation(path: path, message: message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message)
        }
        timing.parseSeconds = seconds(clock.now - start)

        var warnings: [String] = []
        start = clock.now
        var shaders: [ShaderStage: Result<TranslatedShader, ShaderTranslationError>] = [:]
        for (stage, present, text) in [(ShaderStage.warp, preset.hasWarpShader, preset.warpShaderText),
                                       (.comp, preset.hasCompShader, preset.compShaderText)] where present {
            let answer = settings.cache.lookup(text, stage: stage)
            if answer.fromCache { timing.cachedShaders += 1 } else { timing.translatedShaders += 1 }
            shaders[stage] = answer.result
            if case let .failure(error) = answer.result {
                warnings.append("\(preset.name): \(stage.rawValue) shader: \(error); using MilkDrop's default \(stage.rawValue)")
            }
        }
        timing.translateSeconds = seconds(clock.now - start)

        // The driver takes the translations made above instead of reading the cache again.
        start = clock.now
        var driver = PresetDriver(preset: preset, seed: settings.seed) { text, stage in
            try (shaders[stage] ?? settings.cache.lookup(text, stage: stage).result).get()
        }
        warnings.insert(contentsOf: driver.programs.diagnostics.map { "\(preset.name): \($0)" }, at: 0)
        timing.compileSeconds = seconds(clock.now - start)

        start = clock.now
        var textures: [ResolvedTexture] = []
        if settings.loadTextures {
            let samplers = Set(shaders.values.flatMap { (try? $0.get())?.samplers.map(\.name) ?? [] })
            let library = UserTextureLibrary(presetPath: path, folders: settings.textureFolders, seed: settings.seed)
            for name in samplers.sorted() where TextureReference(sampler: name) != nil {
                let texture = library.image(forSampler: name)
                if let warning = texture.warning { warnings.append(warning) }
                textures.append(texture)
            }
        }
        if !textures.isEmpty { driver.shaderSlots?.shaders.useTextures(textures) }
        timing.textureSeconds = seconds(clock.now - start)

        return PreparedPreset(path: path, preset: preset, driver: driver, warp: shaders[.warp], comp: shaders[.comp],
                              textures: textures, warnings: warnings, timing: timing)
    }
}
