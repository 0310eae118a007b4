import Foundation
import MilkExpression
import MilkPreset
import Testing
@testable import PresetCompilation

/// The Debian projectM preset collection, when installed (CI has it).
enum Corpus {
    static let folder = URL(fileURLWithPath: "/usr/share/projectM/presets")
    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.path) }

    /// Every readable preset, sorted by path.
    static func presets() -> [(path: String, preset: Preset)] {
        guard let urls = try? PresetFiles.presets(in: [folder]) else { return [] }
        return urls.compactMap { url in (try? Preset(contentsOf: url)).map { (url.path, $0) } }
    }
}

@Suite(.enabled(if: Corpus.isAvailable, "needs /usr/share/projectM/presets"))
struct CorpusCompileTests {
    @Test func atLeast995PercentOfBlocksCompileWithNoDroppedStatement() throws {
        let check = try PresetCodeCheck.run(paths: [Corpus.folder])
        #expect(check.files >= 4000)
        #expect(check.blocks > 10_000)
        let rate = Double(check.compiled) / Double(check.blocks)
        #expect(rate >= 0.995, "compiled \(check.compiled) of \(check.blocks)")
        // The only failures are the lone '.' in `below(rad,.-53)`: projectm-eval's scanner rejects it too.
        for f in check.failures {
            #expect(f.diagnostic.statement.contains(".-53"), "unexpected failure \(f.file): \(f.diagnostic)")
        }
        #expect(check.referenceOnlyBlocks == 0, "every corpus block runs on the fast evaluator")
    }
}
