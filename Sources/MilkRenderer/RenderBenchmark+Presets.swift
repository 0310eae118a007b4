import Foundation
import MilkPreset
import Determinism

/// One preset's speed, ours and (when the reference tool ran) projectM's, from the same run.
public struct PresetSpeed: Sendable, Codable, Equatable {
    public var preset: String
    public var width: Int
    public var height: Int
    public var fps: Double
    public var referenceFPS: Double?
    public var ratio: Double? { referenceFPS.map { $0 > 0 ? fps / $0 : 0 } }

    public init(preset: String, width: Int, height: Int, fps: Double, referenceFPS: Double?) {
        self.preset = preset
        self.width = width
        self.height = height
        self.fps = fps
        self.referenceFPS = referenceFPS
    }
}

extension RenderBenchmark {
    /// The six presets of projectm-ref's bench.sh, relative to the Debian preset folder.
    public static let referencePresets = [
        "presets_milkdrop_104/Aderrasi - Agitator.milk",
        "presets_milkdrop_104/Geiss - Supernova 1.milk",
        "presets_milkdrop_104/Rovastar - Fractopia (Galaxy Swirl Mix).milk",
        "presets_milkdrop_200/Geiss - 3 layers (Tunnel Mix).milk",
        "presets_milkdrop_200/Flexi - mindblob [where it's at now].milk",
        "presets_milkdrop_200/Geiss - Bas Relief.milk",
    ]

    /// Whether a preset file carries MilkDrop 2 shader sections (`warp_1=` or `comp_1=`), as `PresetSample` decides.
    public static func hasShaderSections(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return text.contains("warp_1=") || text.contains("comp_1=")
    }

    /// The median of `values` (the upper one of an even count, as the bench has always printed); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        values.sorted().dropFirst(values.count / 2).first
    }

    /// Frames per second over repeated runs: the median, or with `best` the fastest run (on a shared machine, the
    /// one least disturbed by other work).
    public static func fps(_ runs: [Double], best: Bool) -> Double? {
        best ? runs.max() : median(runs)
    }

    /// `count` MilkDrop 1 presets (no shader sections) from `folder`, picked by a fixed seed.
    public static func sampleMD1Presets(in folder: String, count: Int, seed: UInt64 = 20) -> [String] {
        PresetSample.pick(in: folder, count: count, seed: seed, withShaders: false)
    }

    /// Renders `path` for `frames` frames at 60 fps with `audio` and returns our frames per second.
    public static func measure(preset path: String, width: Int, height: Int, frames: Int,
                               audio: inout some FrameAudioSource) throws -> Double {
        let preset = try Preset(contentsOf: URL(fileURLWithPath: path))
        var driver = layerDriver(for: preset, seed: 1)
        let job = RenderJob(presetName: path, width: width, height: height, frames: frames, fps: 60, captures: [],
                            outputDirectory: "")
        return try job.run(driver: &driver, audio: &audio).fps
    }

    /// Runs projectm-ref on the same preset and settings (`audio`: silence, synth or a file); nil when it fails.
    public static func measureReference(tool: String, preset path: String, width: Int, height: Int, frames: Int,
                                        audio: String = "silence") -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--preset", path, "--width", "\(width)", "--height", "\(height)", "--frames", "\(frames)",
                             "--fps", "60", "--audio", audio, "--mesh", "48x36", "--capture", "",
                             "--out", FileManager.default.temporaryDirectory.path, "--quiet"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return (object["fps"] as? Double) ?? (object["fps"] as? NSNumber)?.doubleValue
    }
}
