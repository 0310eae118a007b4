import Foundation
import Testing
@testable import MilkRenderer

/// The load benchmark's sampling and statistics (its timings are figures, not test results).
struct ShaderLoadBenchmarkTests {
    static let corpus = "/usr/share/projectM/presets"
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus) }

    @Test func percentileIsNearestRank() {
        let values = (1...20).map(Double.init)
        #expect(ShaderLoadBenchmark.percentile(values, 50) == 10)
        #expect(ShaderLoadBenchmark.percentile(values, 95) == 19)
        #expect(ShaderLoadBenchmark.percentile(values.reversed(), 100) == 20)
        #expect(ShaderLoadBenchmark.percentile([], 50) == 0)
    }

    @Test(.enabled(if: hasCorpus, "needs Debian's projectM presets"))
    func sampleIsFixedBySeedAndHoldsOnlyMD2Presets() throws {
        let sample = ShaderLoadBenchmark.sampleMD2Presets(in: Self.corpus, count: 10, seed: 6)
        #expect(sample.count == 10 && Set(sample).count == 10)
        #expect(sample == ShaderLoadBenchmark.sampleMD2Presets(in: Self.corpus, count: 10, seed: 6))
        #expect(sample != ShaderLoadBenchmark.sampleMD2Presets(in: Self.corpus, count: 10, seed: 7))
        for path in sample {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(text.contains("warp_1=") || text.contains("comp_1="), "\(path)")
        }
    }

    @Test(.enabled(if: hasCorpus, "needs Debian's projectM presets"))
    func cachedLoadsSkipTheTranslator() {
        let files = ShaderLoadBenchmark.sampleMD2Presets(in: Self.corpus, count: 3, seed: 6)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-bench-test-\(UUID().uuidString)")
        let (result, times) = ShaderLoadBenchmark.run(files: files, seed: 6, scratch: scratch, passes: 1)
        #expect(result.presets == 3 && result.failed == 0 && !result.includesGL)
        #expect(times.map(\.preset) == files)
        #expect(!FileManager.default.fileExists(atPath: scratch.path), "scratch folder removed")
    }
}
