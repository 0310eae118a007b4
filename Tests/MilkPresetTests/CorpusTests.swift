import Foundation
import Testing
@testable import MilkPreset

/// The Debian projectM presets (projectm-data): every file must read, and write back unchanged.
@Suite(.enabled(if: Fixtures.hasCorpus, "needs /usr/share/projectM/presets"))
struct CorpusTests {
    @Test func atLeast999PerMilleParseAndAllRoundTrip() throws {
        let files = try PresetFiles.presets(under: Fixtures.corpus)
        let report = PresetCheck.run(files)
        #expect(report.files >= 4000)
        #expect(report.parsed * 1000 >= report.files * 999, "\(report.failures.prefix(20))")
        #expect(report.roundtripOK == report.parsed, "\(report.failures.prefix(20))")
    }
}
