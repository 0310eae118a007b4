import ArgumentParser
import Coupling
import Foundation
import LiveShow
import MilkRenderer

/// `aivj bench show`: two coupled layers against projectm-ref's single layer on the same presets, same run.
struct BenchShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Frames per second of the show (two layers + 3D coupling) against projectm-ref's single layer."
    )

    @Option(help: "Frames per run.") var frames = 300
    @Option(help: "Picture size.") var size = "1280x720"
    @Option(help: "The Debian preset folder.") var presets = "/usr/share/projectM/presets"
    @Option(help: "projectm-ref executable (skipped when missing).") var reference = "/tmp/pmref/projectm-ref"
    @Option(help: "Coupling mode: on, off or debug.") var coupling3d = "on"
    @Option(help: "Coupling strength 0…1.") var strength = 1.0
    @Option(help: "Depth-of-field blur 0…1.") var dof = 1.0
    @Option(help: "Measure only the first N of the three pairs.") var pairs = 3
    @Flag(help: "Also time each stage of a frame (glFinish between stages) and print ms per frame.") var profile = false
    @Flag(help: "Print one JSON line per pair.") var json = false

    func run() async throws {
        let (width, height) = try parseSize(size)
        let hasReference = FileManager.default.isExecutableFile(atPath: reference)
        guard let mode = CouplingMode(rawValue: coupling3d) else { throw ValidationError("--coupling3d must be on, off or debug") }
        let coupling = CouplingParameters(mode: mode, strength: strength, parallax: 1, dof: dof)
        var ratios: [Double] = []
        for (fg, bg) in ShowBenchmark.referencePairs.prefix(max(1, pairs)) {
            let (fgFile, bgFile) = (presets + "/" + fg, presets + "/" + bg)
            let run = try ShowBenchmark.run(fg: fgFile, bg: bgFile, width: width, height: height, frames: frames,
                                            coupling: coupling, profile: false)
            let fps = run.fps
            if profile {
                let run = try ShowBenchmark.run(fg: fgFile, bg: bgFile, width: width, height: height, frames: frames,
                                                coupling: coupling, profile: true)
                let total = run.stages.reduce(0) { $0 + $1.ms }
                let parts = run.stages.map { String(format: "%@ %.1f", $0.stage, $0.ms) }.joined(separator: ", ")
                print(json ? "{\"profile_ms\":{" + run.stages.map { String(format: "\"%@\":%.2f", $0.stage, $0.ms) }
                    .joined(separator: ",") + String(format: "},\"total_ms\":%.2f}", total)
                    : String(format: "  profile ms/frame: %@ (total %.1f)", parts, total))
            }
            func theirs(_ file: String) -> Double? {
                hasReference ? RenderBenchmark.measureReference(tool: reference, preset: file, width: width, height: height, frames: frames) : nil
            }
            let speed = ShowBenchmark.PairSpeed(fg: fg, bg: bg, width: width, height: height, fps: fps,
                                                referenceFG: theirs(fgFile), referenceBG: theirs(bgFile))
            if let ratio = speed.ratio { ratios.append(ratio) }
            if json {
                print(try jsonLine(speed))
            } else {
                let reference = speed.referenceFPS.map { String(format: "%6.1f", $0) } ?? "     -"
                let ratio = speed.ratio.map { String(format: "%5.2f", $0) } ?? "    -"
                print(String(format: "%dx%d show %6.1f fps (cpu %5.1f ms/frame)  projectM single layer %@  ratio %@  %@ over %@", width, height,
                             fps, run.cpuMilliseconds, reference, ratio, (fg as NSString).lastPathComponent, (bg as NSString).lastPathComponent))
            }
        }
        let median = ratios.sorted().dropFirst(ratios.count / 2).first
        print(json ? "{\"size\":\"\(width)x\(height)\",\"median_ratio\":\(median.map { String(format: "%.3f", $0) } ?? "null")}"
            : "median ratio \(median.map { String(format: "%.2f", $0) } ?? "n/a")")
    }
}
