import Foundation
@testable import MilkRenderer
import Recording
import Testing

@Suite(.serialized)
struct RenderJobTests {
    @Test func captureListsAndMeshSizesParse() throws {
        #expect(try RenderJob.parseCaptures("60, 90,120") == [60, 90, 120])
        #expect(try RenderJob.parseCaptures("") == [])
        #expect(throws: MilkRendererError.self) { try RenderJob.parseCaptures("1,x") }
        #expect(try RenderJob.parseMesh("48x36") == (48, 36))
        #expect(throws: MilkRendererError.self) { try RenderJob.parseMesh("48") }
        #expect(RenderJob.fileName(frame: 7) == "frame-00007.png")
        #expect(RenderJob.fileName(frame: 123_456) == "frame-123456.png")
    }

    @Test func writesCapturedFramesAsTopFirstRGBPNGsAndReportsTheRun() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-render-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var parameters = LayerParameters()
        parameters.outerBorderSize = 0.2
        parameters.outerBorderColor = SIMD4(0, 0, 1, 1)
        var driver = StaticDriver(parameters)
        var audio = SilentAudio()
        let job = RenderJob(presetName: "test", width: 64, height: 36, frames: 4, fps: 30, captures: [0, 3],
                            outputDirectory: folder, meshColumns: 8, meshRows: 6)
        let summary = try job.run(driver: &driver, audio: &audio)
        #expect(summary.frames == 4 && summary.width == 64 && !summary.renderer.isEmpty)
        #expect(summary.jsonLine.hasPrefix("{\"preset\":\"test\",\"frames\":4,"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["frame-00000.png", "frame-00003.png"])
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/frame-00003.png"))
        let image = try PNGCodec.decode([UInt8](data))
        #expect(image.width == 64 && image.height == 36)
        #expect(image.pixels[2] > 200)
    }
}
