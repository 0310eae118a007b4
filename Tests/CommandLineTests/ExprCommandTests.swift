import Foundation
import Testing

/// End-to-end runs of `aivj expr …`.
struct ExprCommandTests {
    @Test func evalPrintsVariablesWithMilkDropPrecedence() throws {
        let result = try AIVJProcess.run(["expr", "eval", "a = -2^2; b = 7 % 3 * 2; c = q1 + 1", "--set", "q1=3"])
        #expect(result.status == 0)
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("a = 4"))
        #expect(lines.contains("b = 2"))
        #expect(lines.contains("c = 4"))
    }

    @Test func evalReportsASyntaxErrorWithLineAndColumnAndRunsTheRest() throws {
        let result = try AIVJProcess.run(["expr", "eval", "a = ;\nb = 2"])
        #expect(result.stdout.contains("b = 2"))
        #expect((result.stdout + result.stderr).contains("line 1, column"))
    }

    @Test func evalExitsNonZeroWithOneErrorLineAfterADroppedStatement() throws {
        // Regression: `aivj expr eval` exited 0 when a statement was dropped.
        let result = try AIVJProcess.run(["expr", "eval", "x = 1; y = (; z = 3"])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error: line 1, column") == true)
        #expect(result.stdout.contains("x = 1") && result.stdout.contains("z = 3") && !result.stdout.contains("error"))
        let clean = try AIVJProcess.run(["expr", "eval", "x = 1"])
        #expect(clean.status == 0 && clean.stderr.isEmpty)
    }

    @Test func checkSummarisesAFolderAndNamesUnreadableFiles() throws {
        let result = try AIVJProcess.run(["expr", "check", PresetCommandTests.fixtures.path, "--json"])
        let summary = try PresetCommandTests.lastJSONObject(result.stdout)
        let blocks = try #require(summary["blocks"] as? Int)
        #expect(blocks > 0)
        #expect(summary["compiled"] as? Int == blocks)
        #expect(summary["failed"] as? Int == 0)
        #expect((summary["unreadable_files"] as? Int ?? 0) >= 2)
        #expect(result.stdout.contains("not-a-preset.milk"))
    }
}
