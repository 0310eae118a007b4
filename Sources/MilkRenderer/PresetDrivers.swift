import MilkPreset

/// The driver a preset is rendered with, the one place commands and benchmarks get it from.
///
/// Base values only until the expression compiler lands; then it runs the preset's code.
public func layerDriver(for preset: Preset, seed: UInt64) -> any LayerDriver {
    StaticDriver(LayerParameters(base: preset.base))
}
