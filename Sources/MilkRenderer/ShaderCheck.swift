import Foundation
import GraphicsCore
import MilkPreset
import ShaderTranslation

/// One stage of one preset that would not run: `aivj shader check` prints these.
public struct ShaderCheckFailure: Sendable, Codable, Equatable {
    public var file: String
    /// `warp`, `comp`, or `preset` when the file itself could not be read.
    public var stage: String
    public var message: String
    /// The GLSL source line the driver's first error points at, when it names one.
    public var glslLine: String?
}

/// The summary line of `aivj shader check`, with its keys in the order the issue gives.
public struct ShaderCheckSummary: Sendable, Equatable {
    public var presets = 0
    public var warpOK = 0
    public var compOK = 0
    public var bothOK = 0
    public var failed = 0
    /// Per preset: translate both shaders and compile and link both programs, in milliseconds.
    public var medianMilliseconds = 0.0
    public var p95Milliseconds = 0.0

    public var jsonLine: String {
        "{\"presets\":\(presets),\"warp_ok\":\(warpOK),\"comp_ok\":\(compOK),\"both_ok\":\(bothOK),\"failed\":\(failed),"
            + "\"median_ms\":\(String(format: "%.2f", medianMilliseconds)),\"p95_ms\":\(String(format: "%.2f", p95Milliseconds))}"
    }
}

/// Translates and compiles the shaders of MilkDrop 2 presets through the real GL driver, building the same programs
/// the layer renders with (`ShaderStageProgram`).
public enum ShaderCheck {
    /// Checks every preset with a warp or comp shader among `files`; `failure` is called as each is found.
    /// A stage a preset does not have counts as working (MilkDrop's default runs).
    public static func run(_ files: [URL], failure: (ShaderCheckFailure) -> Void = { _ in }) throws -> ShaderCheckSummary {
        let context = try wrapGraphics { try HeadlessContext() }
        defer { withExtendedLifetime(context) {} }
        var summary = ShaderCheckSummary()
        var times: [Double] = []
        let clock = ContinuousClock()
        for file in files {
            let preset: Preset
            do { preset = try Preset(contentsOf: file) } catch {
                failure(ShaderCheckFailure(file: file.path, stage: "preset", message: "\(error)", glslLine: nil))
                continue
            }
            guard preset.hasWarpShader || preset.hasCompShader else { continue }
            summary.presets += 1
            let start = clock.now
            let shaders = PresetShaders(preset: preset, seed: 1)
            var ok = [true, true]
            for (index, stage) in ShaderStage.allCases.enumerated() {
                let model = stage == .warp ? preset.header.warpShaderModel : preset.header.compShaderModel
                let text = stage == .warp ? preset.warpShaderText : preset.compShaderText
                guard model >= 2, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                guard let shader = stage == .warp ? shaders.warp : shaders.comp else {
                    ok[index] = false
                    let message = shaders.failures.first { $0.contains(" \(stage.rawValue) shader ") } ?? "not translated"
                    failure(ShaderCheckFailure(file: file.path, stage: stage.rawValue, message: message, glslLine: nil))
                    continue
                }
                do {
                    _ = try ShaderStageProgram(shader, label: "\(preset.name) \(stage.rawValue) shader") { _ in (256, 256) }
                } catch {
                    ok[index] = false
                    failure(ShaderCheckFailure(file: file.path, stage: stage.rawValue, message: "\(error)",
                                               glslLine: Self.sourceLine(of: "\(error)", in: ShaderStageProgram.fragmentSource(shader, perPixelWarp: shader.stage == .warp))))
                }
            }
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15)
            if ok[0] { summary.warpOK += 1 }
            if ok[1] { summary.compOK += 1 }
            if ok[0] && ok[1] { summary.bothOK += 1 } else { summary.failed += 1 }
        }
        times.sort()
        if !times.isEmpty {
            summary.medianMilliseconds = times[times.count / 2]
            summary.p95Milliseconds = times[min(times.count - 1, Int(Double(times.count) * 0.95))]
        }
        return summary
    }

    /// The source line a driver log such as `0:42(7): error: …` (Mesa) points at, trimmed.
    static func sourceLine(of log: String, in source: String) -> String? {
        guard let match = log.range(of: #"0:(\d+)\("#, options: .regularExpression) else { return nil }
        let digits = log[match].dropFirst(2).dropLast()
        guard let number = Int(digits) else { return nil }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        return "\(number): " + lines[number - 1].trimmingCharacters(in: .whitespaces)
    }
}

extension ShaderCheck {
    /// The GLSL fragment shaders the layer would compile for `preset` (stage name and text), translated but not
    /// compiled; a stage that does not translate gives its error instead.
    public static func fragmentSources(of preset: Preset) -> [(stage: String, text: String)] {
        let shaders = PresetShaders(preset: preset, seed: 1)
        var result: [(stage: String, text: String)] = []
        for (stage, shader) in [("warp", shaders.warp), ("comp", shaders.comp)] {
            if let shader { result.append((stage, ShaderStageProgram.fragmentSource(shader, perPixelWarp: shader.stage == .warp))) }
        }
        for failure in shaders.failures { result.append(("error", failure)) }
        return result
    }
}
