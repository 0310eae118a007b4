import MilkPreset

/// The driver a preset is rendered with, the one place commands, benchmarks and golden tests get it from.
public func layerDriver(for preset: Preset, seed: UInt64) -> any LayerDriver {
    PresetDriver(preset: preset, seed: seed)
}
