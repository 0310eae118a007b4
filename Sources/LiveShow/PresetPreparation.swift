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
/// it runs MilkRenderer's `PreparedPreset.prepare` (parse, compile, cached translation, user textures)
/// synchronously on the calling thread — a few milliseconds per preset once the shader cache is warm. The live
/// app's next step is to hand it to `PresetPreparer` and switch when the pair is ready; record mode must keep
/// waiting for it on the change frame so recordings stay byte-identical.
enum PresetPreparation {
    /// Reads and compiles `path`; a preset that cannot be read plays as a plain default layer, with a warning.
    static func prepare(path: String, seed: UInt64, time: Double) -> PreparedPreset {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            // MilkRenderer's preparation: translations through the disk cache, user textures beside the preset.
            let settings = PreparationSettings(seed: seed)
            let prepared = try MilkRenderer.PreparedPreset.prepare(path: path, settings: settings)
            let warnings = prepared.warnings.map { line in
                ShowWarning(kind: prepared.textures.contains { $0.warning == line } ? .missingTexture : .shaderFallback,
                            message: line, time: time)
            }
            return PreparedPreset(name: name, path: path, driver: prepared.driver, warnings: warnings)
        } catch {
            var parameters = LayerParameters()
            parameters.gamma = 1
            return PreparedPreset(name: name, path: path, driver: StaticDriver(parameters), warnings: [
                ShowWarning(kind: .presetFallback, message: "\(name): \(error); playing a plain layer", time: time),
            ])
        }
    }
}
