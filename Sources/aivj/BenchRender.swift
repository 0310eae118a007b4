import ArgumentParser
import Foundation
import MilkRenderer

/// `aivj bench render`: layer frame rates on the reference presets and 20 more MD1 presets at 640×360 and
/// 1280×720, with projectm-ref's on the same presets in the same run when it is built, and the empty floor.
struct BenchRender: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Frames per second of the layer renderer against projectm-ref and the empty two-pass floor."
    )

    @Option(help: "Frames per run.") var frames = 300
    @Option(help: "How many extra MilkDrop 1 presets (fixed seed).") var extra = 20
    @Option(help: "The Debian preset folder.") var presets = "/usr/share/projectM/presets"
    @Option(help: "projectm-ref executable (skipped when missing).") var reference = "/tmp/pmref/projectm-ref"
    @Flag(help: "Print one JSON line per run.") var json = false

    func run() async throws {
        let files = RenderBenchmark.referencePresets.map { presets + "/" + $0 }
            + RenderBenchmark.sampleMD1Presets(in: presets, count: extra)
        let hasReference = FileManager.default.isExecutableFile(atPath: reference)
        for (width, height) in [(640, 360), (1280, 720)] {
            let floor = try RenderBenchmark.floor(width: width, height: height, frames: frames)
            report(PresetSpeed(preset: "floor", width: width, height: height, fps: floor.fps, referenceFPS: nil))
            var ratios: [Double] = []
            for file in files {
                let ours = try RenderBenchmark.measure(preset: file, width: width, height: height, frames: frames)
                let theirs = hasReference
                    ? RenderBenchmark.measureReference(tool: reference, preset: file, width: width, height: height, frames: frames)
                    : nil
                let speed = PresetSpeed(preset: file, width: width, height: height, fps: ours, referenceFPS: theirs)
                if let ratio = speed.ratio { ratios.append(ratio) }
                report(speed)
            }
            let median = ratios.sorted().dropFirst(ratios.count / 2).first
            print(json ? "{\"size\":\"\(width)x\(height)\",\"median_ratio\":\(median.map { String(format: "%.3f", $0) } ?? "null")}"
                : "\(width)x\(height): median ratio \(median.map { String(format: "%.2f", $0) } ?? "n/a")")
        }
    }

    private func report(_ speed: PresetSpeed) {
        let name = (speed.preset as NSString).lastPathComponent
        if json {
            if let line = try? jsonLine(speed) { print(line) }
        } else {
            let reference = speed.referenceFPS.map { String(format: "%7.1f", $0) } ?? "      -"
            let ratio = speed.ratio.map { String(format: "%5.2f", $0) } ?? "    -"
            print(String(format: "%4dx%-4d %7.1f fps  ref %@  ratio %@  %@", speed.width, speed.height, speed.fps,
                         reference, ratio, name))
        }
    }
}
