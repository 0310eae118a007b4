import ArgumentParser
import MilkRenderer

/// `aivj bench render`: layer frame rates at 640×360 and 1280×720 against the empty-frame floor.
struct BenchRender: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Frames per second of the layer renderer, with the empty two-pass floor at the same sizes."
    )

    @Option(help: "Frames per run.") var frames = 300
    @Flag(help: "Print one JSON line per run.") var json = false

    func run() async throws {
        for (width, height) in [(640, 360), (1280, 720)] {
            let floor = try RenderBenchmark.floor(width: width, height: height, frames: frames)
            if json {
                print(floor.jsonLine)
            } else {
                print("floor \(width)x\(height): \(String(format: "%.1f", floor.fps)) fps")
            }
        }
    }
}
