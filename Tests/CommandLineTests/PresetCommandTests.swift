import Foundation
import Testing

/// End-to-end runs of `aivj preset …` and `aivj library index` on the fixture presets.
struct PresetCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/MilkPreset")

    /// The last line of `text` decoded as a JSON object.
    static func lastJSONObject(_ text: String) throws -> [String: Any] {
        let line = text.split(separator: "\n").last.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func checkReportsBrokenFilesAndStillSummarisesTheRest() throws {
        let result = try AIVJProcess.run(["preset", "check", Self.fixtures.path, "--json"])
        let summary = try Self.lastJSONObject(result.stdout)
        let files = try #require(summary["files"] as? Int)
        let parsed = try #require(summary["parsed"] as? Int)
        let failed = try #require(summary["failed"] as? Int)
        #expect(files == parsed + failed)
        #expect(failed >= 2, "binary.milk and not-a-preset.milk must fail")
        #expect(summary["roundtrip_ok"] as? Int == parsed)
        #expect(result.stdout.contains("binary.milk") || result.stderr.contains("binary.milk"))
    }

    @Test func showPrintsTheModelAsJSON() throws {
        let file = Self.fixtures.appendingPathComponent("waves-shapes.milk").path
        let result = try AIVJProcess.run(["preset", "show", file, "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        #expect(object is [String: Any])
    }

    @Test func libraryIndexIsIdenticalOnASecondRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = Self.fixtures.appendingPathComponent("library").path
        let first = directory.appendingPathComponent("a.json")
        let second = directory.appendingPathComponent("b.json")
        #expect(try AIVJProcess.run(["library", "index", library, "--out", first.path]).status == 0)
        #expect(try AIVJProcess.run(["library", "index", library, "--out", second.path]).status == 0)
        let firstData = try Data(contentsOf: first)
        #expect(!firstData.isEmpty)
        #expect(firstData == (try Data(contentsOf: second)))
    }

    @Test func aMissingFileIsAOneLineErrorNamingIt() throws {
        let result = try AIVJProcess.run(["preset", "show", "/nonexistent/nothing.milk"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/nothing.milk"))
        #expect(!result.stderr.contains("Fatal error"))
    }
}
