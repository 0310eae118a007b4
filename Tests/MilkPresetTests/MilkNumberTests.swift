import Testing
@testable import MilkPreset

@Suite struct MilkNumberTests {
    @Test(arguments: [
        (".5", Float(0.5)), ("5.", 5), ("1e-3", 0.001), ("+2", 2), ("-0.25", -0.25), ("  3", 3), ("\t7", 7),
        ("0.5xyz", 0.5), ("1e", 1), ("1e+", 1), ("2E2", 200), ("-.5e1", -5), ("1.5 // note", 1.5), ("INF", .infinity),
        ("-infinity", -.infinity), ("1e400", .infinity),
    ])
    func floatsReadLikeScanf(text: String, value: Float) {
        #expect(MilkNumber.float(text) == value)
    }

    @Test(arguments: ["", "abc", ".", "+", "-", "nan", "= 1", "e5"])
    func textWithoutANumberReadsAsNothing(text: String) {
        #expect(MilkNumber.float(text) == nil)
    }

    @Test(arguments: [("3", 3), ("3.9", 3), ("+2", 2), ("-1", -1), (" 12abc", 12), ("99999999999", Int(Int32.max)), ("-99999999999", Int(Int32.min))])
    func integersReadLikeScanf(text: String, value: Int) {
        #expect(MilkNumber.int(text) == value)
    }

    @Test(arguments: ["", ".5", "x1", "+", "- 1"])
    func textWithoutAnIntegerReadsAsNothing(text: String) {
        #expect(MilkNumber.int(text) == nil)
    }

    @Test func infinityIsWrittenAsAnOverflowingNumber() {
        #expect(MilkNumber.text(.infinity) == "1e39" && MilkNumber.text(-.infinity) == "-1e39")
    }

    @Test(arguments: [Float(0.98), 1, -0.001, 1e-7, 123456.78, 3.4e38, .infinity, -.infinity, 0.1 + 0.2, 16_777_216])
    func writtenNumbersReadBackExactly(value: Float) {
        #expect(MilkNumber.float(MilkNumber.text(value)) == value)
    }
}
