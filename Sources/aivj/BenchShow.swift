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
    @Option(help: "The BG layer's internal scale 0.25…1 (below 1, the full-size BG is measured too).")
    var bgScale = ShowConfiguration.defaultBackgroundScale
    @Option(help: "Measure only the first N of the three pairs.") var pairs = 3
    @Flag(help: "Also time each stage of a frame (glFinish between stages) and print ms per frame.") var profile = false
    @Flag(help: "Also measure each preset alone in one of our layers (the baseline of the show's cost).") var layers = false
    @Flag(help: "Draw a sharp MilkDrop 1 FG's composite in its layer instead of in the scene pass (the way before; for A/B runs).")
    var layerComposite = false
    @Flag(help: "Print one JSON line per pair.") var json = false
    @Option(help: "Instead: frame times around pair changes vs ordinary frames, a change every this many seconds (the reference pairs in turn, live-style switching), presets loaded on the render thread, on the worker, and on the worker with GL programs compiled on a shared context.")
    var switchEvery: Double?
    @Option(help: "Runs of each kind, taking turns (ours, then projectm-ref); each figure is the median. With --switch-every: A/B runs of each kind, interleaved.")
    var repeats = 2
    @Flag(help: "With --repeats: each figure from the fastest run instead of the median (the least disturbed on a shared machine).")
    var best = false
    @Option(help: "Hold the focus at this depth (0 = the FG plane, sharp; 1 = the BG plane) instead of letting it follow the music.")
    var focus: Double?
    @Option(help: "Audio for both renderers: silence, synth or a WAV file (projectm-ref's bench.sh plays its test-128bpm.wav); with music the focus follows it.")
    var audio = "silence"

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
        let tool = FileManager.default.isExecutableFile(atPath: reference) ? reference : nil
        guard let mode = CouplingMode(rawValue: coupling3d) else { throw ValidationError("--coupling3d must be on, off or debug") }
        guard bgScale.isFinite, (0.25...1).contains(bgScale) else { throw ValidationError("--bg-scale must be 0.25…1") }
        var coupling = CouplingParameters(mode: mode, strength: strength, parallax: 1, dof: dof)
        if let focus {
            guard focus.isFinite, (0...1).contains(focus) else { throw ValidationError("--focus must be 0…1") }
            coupling.focus = focus
            coupling.focusFollowsMusic = false
        }
        var ratios: [Double] = [], fullRatios: [Double] = []
        func name(_ path: String) -> String { (path as NSString).lastPathComponent }
        for (fg, bg) in ShowBenchmark.referencePairs.prefix(max(1, pairs)) {
            let speed = try ShowBenchmark.measurePair(folder: presets, fg: fg, bg: bg, width: width, height: height,
                                                      frames: frames, coupling: coupling, backgroundScale: bgScale,
                                                      reference: tool, repeats: repeats, best: best, audio: audio,
                                                      compositesForeground: !layerComposite)
            if let ratio = speed.ratio { ratios.append(ratio) }
            if let ratio = speed.fullBackgroundRatio { fullRatios.append(ratio) }
            if json {
                print(try jsonLine(speed))
            } else {
                let reference = speed.referenceFPS.map { String(format: "%6.1f", $0) } ?? "     -"
                let ratio = speed.ratio.map { String(format: "%5.2f", $0) } ?? "    -"
                print(String(format: "%dx%d show %6.1f fps (cpu %5.1f ms/frame, BG at %.2f)  projectM single layer %@  ratio %@  %@ over %@",
                             width, height, speed.fps, speed.cpuMilliseconds, speed.backgroundScale, reference, ratio,
                             name(fg), name(bg)))
                if let full = speed.fullBackgroundFPS, let cpu = speed.fullBackgroundCPUMilliseconds {
                    let fullRatio = speed.fullBackgroundRatio.map { String(format: "%5.2f", $0) } ?? "    -"
                    print(String(format: "          full-size BG %6.1f fps (cpu %5.1f ms/frame)  ratio %@", full, cpu, fullRatio))
                }
            }
            if profile {
                let run = try ShowBenchmark.run(fg: presets + "/" + fg, bg: presets + "/" + bg, width: width, height: height,
                                                frames: frames, coupling: coupling, backgroundScale: bgScale, profile: true,
                                                audio: audio, compositesForeground: !layerComposite)
                let total = run.stages.reduce(0) { $0 + $1.ms }, cpu = run.stages.reduce(0) { $0 + $1.cpuMs }
                let parts = run.stages.map { String(format: "%@ %.1f/%.1f", $0.stage, $0.ms, $0.cpuMs) }.joined(separator: ", ")
                print(json ? "{\"profile\":{" + run.stages.map { String(format: "\"%@\":{\"ms\":%.2f,\"cpu_ms\":%.2f}", $0.stage, $0.ms, $0.cpuMs) }
                    .joined(separator: ",") + String(format: "},\"total_ms\":%.2f,\"total_cpu_ms\":%.2f}", total, cpu)
                    : String(format: "  profile ms/frame wall/cpu: %@ (total %.1f/%.1f)", parts, total, cpu))
            }
            if layers {
                for file in [fg, bg] {
                    let alone = try ShowBenchmark.singleLayer(preset: presets + "/" + file, width: width, height: height,
                                                                 frames: frames, audio: audio)
                    print(json ? String(format: "{\"layer\":\"%@\",\"fps\":%.3f,\"cpu_ms\":%.2f}", name(file), alone.fps, alone.cpuMilliseconds)
                        : String(format: "  one layer alone %6.1f fps (cpu %5.1f ms/frame)  %@", alone.fps, alone.cpuMilliseconds, name(file)))
                }
            }
        }
        func median(_ values: [Double]) -> Double? { values.sorted().dropFirst(values.count / 2).first }
        let text = { (value: Double?) in value.map { String(format: "%.3f", $0) } ?? "null" }
        if json {
            print("{\"size\":\"\(width)x\(height)\",\"bg_scale\":\(bgScale),\"median_ratio\":\(text(median(ratios))),"
                + "\"median_ratio_full_bg\":\(text(median(fullRatios)))}")
        } else {
            print("median ratio \(median(ratios).map { String(format: "%.2f", $0) } ?? "n/a") (BG at \(bgScale))"
                + (fullRatios.isEmpty ? "" : String(format: ", %.2f with the full-size BG", median(fullRatios) ?? 0)))
        }
    }
}
