import Foundation
import MilkPreset
import MilkRenderer

/// One preset ready to play: its driver, and what went wrong preparing it (for the HUD).
public struct PreparedPreset {
    public var name: String
    public var path: String
    public var driver: any LayerDriver
    public var warnings: [ShowWarning]
}

/// Prepares the presets of the next pair.
///
/// The one place the show turns a preset file into a driver, so it can move off the render loop in one edit:
/// today it parses and compiles synchronously on the calling thread (a pack's presets take a few
/// milliseconds each); when MilkRenderer's `PresetPreparer` (off-thread parse, compile, translate) lands, this
/// becomes a request to it and the show switches when the preparer reports the pair ready.
enum PresetPreparation {
    /// Reads and compiles `path`; a preset that cannot be read plays as a plain default layer, with a warning.
    static func prepare(path: String, seed: UInt64, time: Double) -> PreparedPreset {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            let preset = try Preset(contentsOf: URL(fileURLWithPath: path))
            let driver = layerDriver(for: preset, seed: seed)
            let dropped = driver.diagnostics
            let warnings = dropped.isEmpty ? [] : [ShowWarning(
                kind: .shaderFallback, message: "\(name): \(dropped.count) statement(s) dropped: \(dropped[0])", time: time)]
            return PreparedPreset(name: name, path: path, driver: driver, warnings: warnings)
        } catch {
            var parameters = LayerParameters()
            parameters.gamma = 1
            return PreparedPreset(name: name, path: path, driver: StaticDriver(parameters), warnings: [
                ShowWarning(kind: .presetFallback, message: "\(name): \(error); playing a plain layer", time: time),
            ])
        }
    }
}
