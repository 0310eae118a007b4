import Foundation
import Testing

/// The repository's `presets/` folder, found from this file's path.
let repositoryPresets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("presets")

struct RenderCommandTests {
    @Test func twoRunsOfTheSameRenderWriteTheSameBytes() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        var outputs: [Data] = []
        for run in 0..<2 {
            let folder = base.appendingPathComponent("\(run)").path
            let result = try AIVJProcess.run([
                "render", "--preset", repositoryPresets.appendingPathComponent("per-frame-code.milk").path,
                "--width", "96", "--height", "54", "--frames", "31", "--fps", "30", "--audio", "silence",
                "--capture", "10,30", "--out", folder, "--mesh", "24x18", "--seed", "7",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasPrefix("{\"preset\":"))
            for key in ["\"frames\":31", "\"width\":96", "\"height\":54", "\"seconds\":", "\"fps\":", "\"renderer\":"] {
                #expect(result.stdout.contains(key))
            }
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: folder + "/frame-00030.png")))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func aMissingPresetFailsWithAOneLineMessage() throws {
        let result = try AIVJProcess.run(["render", "--preset", "/nonexistent/x.milk", "--frames", "1"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("x.milk"))
    }
}

struct PlayCommandTests {
    static let xvfbRun = "/usr/bin/xvfb-run"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: xvfbRun)))
    func playShowsANonBlackPictureUnderXvfbFor60Frames() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.xvfbRun)
        process.arguments = ["-a", "-s", "-screen 0 640x480x24", AIVJProcess.executable.path, "play",
                             repositoryPresets.appendingPathComponent("borders.milk").path,
                             "--frames", "60", "--width", "320", "--height", "180"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let number = output.components(separatedBy: "\"mean_luma\":").last?.prefix { "0123456789.".contains($0) }
        let luma = number.flatMap { Double($0) }
        #expect(output.contains("\"frames\":60"))
        #expect((luma ?? 0) > 0.02, "mean luma in \(output)")
    }
}
