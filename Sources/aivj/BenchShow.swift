import ArgumentParser
import Coupling
import Foundation
import LiveShow
import MilkRenderer
import Selection

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
    @Flag(help: "Print one JSON line per pair.") var json = false
    @Option(help: "Instead: frame times around pair changes vs ordinary frames, a change every this many seconds (the reference pairs in turn, live-style switching), presets loaded on the render thread, on the worker, and on the worker with GL programs compiled on a shared context.")
    var switchEvery: Double?
    @Option(help: "With --switch-every: A/B runs of each kind, interleaved.") var repeats = 2

    func run() async throws {
        let (width, height) = try parseSize(size)
        if let switchEvery {
            let pairs = ShowBenchmark.referencePairs.enumerated().map { index, pair in
                Pair(id: "bench-\(index)", fg: presets + "/" + pair.fg, bg: presets + "/" + pair.bg, warpDiff: 0, cxDiff: 0)
            }
            for _ in 0..<max(1, repeats) {
                for preparation in SwitchBenchmark.Preparation.allCases {
                    let result = try SwitchBenchmark.run(pairs: pairs, width: width, height: height, frames: frames,
                                                         switchEvery: switchEvery, preparation: preparation)
                    if json {
                        print(try jsonLine(result))
                    } else {
                        let s = result.switchFrames, a = result.aroundChanges, o = result.ordinary
                        print(String(format: "preparer %@  %d switches  switch frames p50 %.1f max %.1f ms  around changes (%d frames) p50 %.1f p99 %.1f max %.1f ms  ordinary (%d) p50 %.1f p99 %.1f max %.1f ms",
                                     result.preparer.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0), result.switches,
                                     s.p50, s.max, a.frames, a.p50, a.p99, a.max, o.frames, o.p50, o.p99, o.max))
                    }
                }
            }
            return
        }
        let hasReference = FileManager.default.isExecutableFile(atPath: reference)
        guard let mode = CouplingMode(rawValue: coupling3d) else { throw ValidationError("--coupling3d must be on, off or debug") }
        let coupling = CouplingParameters(mode: mode, strength: strength, parallax: 1, dof: dof)
        var ratios: [Double] = []
        for (fg, bg) in ShowBenchmark.referencePairs {
            let (fgFile, bgFile) = (presets + "/" + fg, presets + "/" + bg)
            let fps = try ShowBenchmark.measure(fg: fgFile, bg: bgFile, width: width, height: height, frames: frames,
                                               coupling: coupling)
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
                print(String(format: "%dx%d show %6.1f fps  projectM single layer %@  ratio %@  %@ over %@", width, height,
                             fps, reference, ratio, (fg as NSString).lastPathComponent, (bg as NSString).lastPathComponent))
            }
        }
        let median = ratios.sorted().dropFirst(ratios.count / 2).first
        print(json ? "{\"size\":\"\(width)x\(height)\",\"median_ratio\":\(median.map { String(format: "%.3f", $0) } ?? "null")}"
            : "median ratio \(median.map { String(format: "%.2f", $0) } ?? "n/a")")
    }
}
