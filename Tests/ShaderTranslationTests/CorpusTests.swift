import Foundation
import MilkPreset
import Testing
@testable import ShaderTranslation

/// Every MilkDrop 2 shader of Debian's projectM presets, through the translator.
@Suite(.enabled(if: Fixtures.hasCorpus, "needs /usr/share/projectM/presets"))
struct CorpusTests {

    struct Tally: CustomStringConvertible {
        var presets = 0, warp = 0, warpOK = 0, comp = 0, compOK = 0, bothOK = 0
        var failures: [String] = []
        var description: String {
            "presets \(presets) warp \(warpOK)/\(warp) comp \(compOK)/\(comp) both \(bothOK)/\(presets)"
        }
    }

    static func run() throws -> Tally {
        var tally = Tally()
        for url in try PresetFiles.presets(under: Fixtures.corpus) {
            guard let preset = try? Preset(contentsOf: url), preset.hasWarpShader || preset.hasCompShader else { continue }
            tally.presets += 1
            var ok = true
            for (stage, present, text) in [(ShaderStage.warp, preset.hasWarpShader, preset.warpShaderText),
                                           (.comp, preset.hasCompShader, preset.compShaderText)] where present {
                do {
                    let shader = try ShaderTranslator.translate(text, stage: stage)
                    if let dump = ProcessInfo.processInfo.environment["SHADER_DUMP"] {
                        let name = url.deletingPathExtension().lastPathComponent.filter { $0.isLetter || $0.isNumber }
                        try shader.fragmentShader.write(toFile: "\(dump)/\(tally.presets)-\(name)-\(stage).frag", atomically: false, encoding: .utf8)
                    }
                    if stage == .warp { tally.warpOK += 1 } else { tally.compOK += 1 }
                } catch {
                    ok = false
                    tally.failures.append("\(url.lastPathComponent) \(stage): \(error)")
                }
                if stage == .warp { tally.warp += 1 } else { tally.comp += 1 }
            }
            if ok { tally.bothOK += 1 }
        }
        return tally
    }

    @Test func mostMilkDrop2ShadersTranslate() throws {
        let tally = try Self.run()
        print("shader corpus: \(tally)")
        if ProcessInfo.processInfo.environment["SHADER_FAILURES"] != nil {
            for f in tally.failures { print("FAIL \(f)") }
        }
        #expect(tally.presets >= 700)
        #expect(tally.bothOK * 100 >= tally.presets * 90, "\(tally) \(tally.failures.prefix(10))")
    }
}
