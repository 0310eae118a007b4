import Testing
@testable import PresetCompilation

@Suite struct CodeJoinerTests {
    @Test func linesAreConcatenatedWithNothingBetween() {
        #expect(JoinedCode(lines: ["x = a", "+ b;", "y = 1;"]).text == "x = a+ b;y = 1;")
    }

    @Test func doubleSlashAndDoubleBackslashCommentToEndOfLine() {
        let j = JoinedCode(lines: ["x = 1; // note", "y = 2; \\\\ old", "z = 3;"])
        #expect(j.text == "x = 1; y = 2; z = 3;")
    }

    @Test func leadingBacktickIsRemoved() {
        #expect(JoinedCode(lines: ["`x = 1;"]).text == "x = 1;")
    }

    @Test func blankBlockCompilesAsEmpty() {
        #expect(JoinedCode(lines: ["   ", " "]).text.isEmpty)
    }

    @Test func positionsMapBackToPresetLines() {
        let j = JoinedCode(lines: ["a = 1;", "b = (2 + ;"])
        let offset = Array(j.text.utf8).firstIndex(of: UInt8(ascii: "("))!
        #expect(j.position(ofOffset: offset) == (2, 5))
        #expect(j.position(ofOffset: 0) == (1, 1))
    }
}
