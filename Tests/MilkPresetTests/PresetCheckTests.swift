import Testing
@testable import MilkPreset

@Suite struct PresetCheckTests {
    @Test func checkCountsFilesAndGivesEachFailureItsReason() throws {
        let files = ["lf.milk", "windows-1252.milk", "shaders.milk", "empty.milk", "binary.milk"].map(Fixtures.url)
        let report = PresetCheck.run(files)
        #expect(report.files == 5 && report.parsed == 3 && report.failed == 2 && report.roundtripOK == 3)
        #expect(report.withShaders == 1 && report.nonUTF8 == 1)
        #expect(report.failures.map(\.reason) == ["file is empty", "binary data, not a MilkDrop preset"])
        #expect(report.summaryJSON == #"{"files":5,"parsed":3,"failed":2,"roundtrip_ok":3,"with_shaders":1,"non_utf8":1}"#)
    }
}
