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

    /// Which presets to run.
    enum Only: String, ExpressibleByArgument, CaseIterable {
        case all, md1, md2, reference
    }

    @Option(help: "Frames per run.") var frames = 300
    @Option(help: "How many extra MilkDrop 1 presets (fixed seed).") var extra = 20
    @Option(help: "Sizes, comma-separated WxH.") var sizes = "640x360,1280x720"
    @Option(help: "Presets: all, md1 (MD1 reference presets + extras), md2 (MD2 reference presets), reference (the six).")
    var only: Only = .all
    @Option(help: "Runs of each preset, ours and projectm-ref's interleaved; each fps is the median of the runs.")
    var repeats = 1
    @Flag(help: "With --repeats: each fps from the fastest run instead of the median (the least disturbed on a shared machine).")
    var best = false
    @Option(help: "Audio for both renderers: silence, synth or a WAV file (projectm-ref's bench.sh plays its test-128bpm.wav).")
    var audio = "silence"
    @Flag(help: "Skip the empty two-pass floor.") var noFloor = false
    @Option(help: "The Debian preset folder.") var presets = "/usr/share/projectM/presets"
    @Option(help: "projectm-ref executable (skipped when missing).") var reference = "/tmp/pmref/projectm-ref"
    @Flag(help: "Print one JSON line per run.") var json = false

    func run() async throws {
        let references = RenderBenchmark.referencePresets.map { presets + "/" + $0 }
        let extras = only == .all || only == .md1 ? RenderBenchmark.sampleMD1Presets(in: presets, count: extra) : []
        let files = (references + extras).filter { file in
            switch only {
            case .all, .reference: return only == .all || references.contains(file)
            case .md1: return !RenderBenchmark.hasShaderSections(file)
            case .md2: return RenderBenchmark.hasShaderSections(file)
            }
        }
        let hasReference = FileManager.default.isExecutableFile(atPath: reference)
        for size in sizes.split(separator: ",") {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw ValidationError("--sizes: \(size) is not WxH") }
            let (width, height) = (parts[0], parts[1])
            if !noFloor {
                let floor = try RenderBenchmark.floor(width: width, height: height, frames: frames)
                report(PresetSpeed(preset: "floor", width: width, height: height, fps: floor.fps, referenceFPS: nil))
            }
            var md1: [Double] = [], md2: [Double] = []
            for file in files {
                var ours: [Double] = [], theirs: [Double] = []
                for _ in 0..<max(repeats, 1) {
                    var source = try FeedAudio(audio: audio, fps: 60)
                    ours.append(try RenderBenchmark.measure(preset: file, width: width, height: height, frames: frames,
                                                            audio: &source))
                    if hasReference, let fps = RenderBenchmark.measureReference(tool: reference, preset: file, width: width,
                                                                                 height: height, frames: frames, audio: audio) {
                        theirs.append(fps)
                    }
                }
                let speed = PresetSpeed(preset: file, width: width, height: height,
                                        fps: RenderBenchmark.fps(ours, best: best) ?? 0,
                                        referenceFPS: RenderBenchmark.fps(theirs, best: best))
                if let ratio = speed.ratio {
                    if RenderBenchmark.hasShaderSections(file) { md2.append(ratio) } else { md1.append(ratio) }
                }
                report(speed)
            }
            let all = RenderBenchmark.median(md1 + md2), m1 = RenderBenchmark.median(md1), m2 = RenderBenchmark.median(md2)
            func text(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? (json ? "null" : "n/a") }
            print(json
                ? "{\"size\":\"\(width)x\(height)\",\"median_ratio\":\(text(all, "%.3f")),\"md1_median_ratio\":\(text(m1, "%.3f")),"
                    + "\"md1_presets\":\(md1.count),\"md2_median_ratio\":\(text(m2, "%.3f")),\"md2_presets\":\(md2.count)}"
                : "\(width)x\(height): median ratio \(text(all, "%.2f")) (MD1 \(text(m1, "%.2f")) over \(md1.count), "
                    + "MD2 \(text(m2, "%.2f")) over \(md2.count))")
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
