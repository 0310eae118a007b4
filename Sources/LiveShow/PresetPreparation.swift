import Foundation
import MilkPreset
import MilkRenderer

/// One preset ready to play: its driver, and what went wrong preparing it (for the HUD).
public struct PreparedPreset {
    /// The file's name without folder and extension.
    public var name: String
    public var path: String
    public var driver: any LayerDriver
    public var warnings: [ShowWarning]
    /// The MilkDrop 2 shaders the driver draws with (nil without any).
    public var shaders: PresetShaders?
    /// Their programs, compiled and warmed up on a worker's shared context (nil: the layer compiles them).
    public var compiled: CompiledShaders?
}

/// The one place the show turns a preset file into a driver: MilkRenderer's `PreparedPreset.prepare` (parse,
/// compile, cached translation, user textures) on the calling thread — a few milliseconds per preset once the
/// shader cache is warm, tens when it is cold. The show never calls it on the render thread: `PairPreparer` runs it
/// on its worker.
public enum PresetPreparation {
    /// Reads and compiles the requested preset; one that cannot be read plays as a plain default layer, with a
    /// warning.
    public static func prepare(_ request: PresetRequest) -> PreparedPreset {
        let (path, seed, time) = (request.path, request.seed, request.time)
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        do {
            // MilkRenderer's preparation: translations through the disk cache, user textures beside the preset.
            let settings = PreparationSettings(seed: seed)
            let prepared = try MilkRenderer.PreparedPreset.prepare(path: path, settings: settings)
            let warnings = prepared.warnings.map { line in
                ShowWarning(kind: prepared.textures.contains { $0.warning == line } ? .missingTexture : .shaderFallback,
                            message: line, time: time)
            }
            return PreparedPreset(name: name, path: path, driver: prepared.driver, warnings: warnings, shaders: prepared.shaders)
        } catch {
            return plain(path: path, problem: "\(error)", time: time)
        }
    }

    /// A plain default layer standing in for the preset at `path`, with a warning naming `problem`.
    static func plain(path: String, problem: String, time: Double) -> PreparedPreset {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var parameters = LayerParameters()
        parameters.gamma = 1
        return PreparedPreset(name: name, path: path, driver: StaticDriver(parameters), warnings: [
            ShowWarning(kind: .presetFallback, message: "\(name): \(problem); playing a plain layer", time: time),
        ])
    }
}
