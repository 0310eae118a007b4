import Foundation
import Testing

struct ShaderCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/MilkRenderer/shader-check")

    @Test func shaderCheckCompilesEachMD2PresetAndNamesTheBrokenStage() throws {
        let result = try AIVJProcess.run(["shader", "check", Self.fixtures.path])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        // The MilkDrop 1 preset in sub/ is skipped; the good one compiles; the broken comp is reported once.
        #expect(lines.last == nil ? false : lines.last!.hasPrefix("{\"presets\":2,\"warp_ok\":2,\"comp_ok\":1,\"both_ok\":1,\"failed\":1,"))
        let failures = lines.dropLast()
        #expect(failures.count == 1)
        #expect(failures.first?.contains("broken-comp.milk: comp:") == true)
        #expect(failures.first?.contains("no_such_value") == true)
    }

    @Test func shaderCheckJSONPrintsFailuresAsObjects() throws {
        let result = try AIVJProcess.run(["shader", "check", "--json", Self.fixtures.appendingPathComponent("good.milk").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\"presets\":1,\"warp_ok\":1,\"comp_ok\":1,\"both_ok\":1,\"failed\":0,\"median_ms\":"))
    }
}
