import MilkPreset

/// The driver of a preset read from `presetPath`, with the user textures its shaders name found beside it or in
/// `textureFolders` (`UserTextureLibrary`); returns the driver and one warning line per texture not found.
public func layerDriver(for preset: Preset, seed: UInt64, presetPath: String?,
                        textureFolders: [String]) -> (driver: any LayerDriver, warnings: [String]) {
    var driver = PresetDriver(preset: preset, seed: seed)
    let warnings = driver.loadTextures(UserTextureLibrary(presetPath: presetPath, folders: textureFolders, seed: seed))
    return (driver, warnings)
}

extension PresetDriver {
    /// Resolves and decodes the user textures the preset's shaders read; returns the warnings (textures not found).
    public mutating func loadTextures(_ library: UserTextureLibrary) -> [String] {
        guard var slots = shaderSlots else { return [] }
        let resolved = slots.shaders.userSamplers.map { library.image(forSampler: $0) }
        guard !resolved.isEmpty else { return [] }
        slots.shaders.useTextures(resolved)
        shaderSlots = slots
        return resolved.compactMap(\.warning)
    }
}
