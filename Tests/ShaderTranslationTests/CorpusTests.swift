import Foundation
import MilkPreset
import Testing
@testable import ShaderTranslation

/// Every MilkDrop 2 shader of Debian's projectM presets, through the translator.
@Suite(.enabled(if: Fixtures.hasCorpus, "needs /usr/share/projectM/presets"))
struct CorpusTests {

    struct Tally: CustomStringConvertible, Sendable {
        var presets = 0, warp = 0, warpOK = 0, comp = 0, compOK = 0, bothOK = 0
        var failures: [String] = []
        /// Every translation, labelled by file and stage, for the GLSL check.
        var translated: [(label: String, shader: TranslatedShader)] = []
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
                    tally.translated.append(("\(url.lastPathComponent) \(stage)", shader))
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

    /// The corpus is translated once and shared by both tests.
    static let shared: Result<Tally, any Error> = Result { try run() }

    @Test func mostMilkDrop2ShadersTranslate() throws {
        let tally = try Self.shared.get()
        print("shader corpus: \(tally)")
        if ProcessInfo.processInfo.environment["SHADER_FAILURES"] != nil {
            for f in tally.failures { print("FAIL \(f)") }
        }
        #expect(tally.presets >= 700)
        #expect(tally.bothOK * 100 >= tally.presets * 99, "\(tally) \(tally.failures.prefix(10))")
    }

    /// glslangValidator accepts what the translator writes, as a complete fragment shader.
    @Test(.enabled(if: Glslang.isInstalled, "needs glslangValidator (glslang-tools)"))
    func translationsAreValidGLSL330() throws {
        let tally = try Self.shared.get()
        let failures = try Glslang.failures(tally.translated.map(\.shader.fragmentShader))
        print("shader corpus GLSL: \(tally.translated.count - failures.count)/\(tally.translated.count) valid")
        for (i, error) in failures.sorted(by: { $0.key < $1.key }).prefix(20) { print("GLSL FAIL \(tally.translated[i].label): \(error)") }
        #expect(tally.translated.count >= 1400)
        #expect(failures.count * 100 <= tally.translated.count, "\(failures.count) of \(tally.translated.count) fail")
    }
}
