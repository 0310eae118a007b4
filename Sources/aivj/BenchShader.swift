import ArgumentParser
import Foundation
import MilkRenderer

/// `aivj bench shader`: MD2 preset load time (parse + compile expressions + translate both shaders), cold and cached.
struct BenchShader: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shader",
        abstract: "MD2 preset load time, median and p95 in ms, with an empty shader cache and with a filled one."
    )

    @Option(help: "How many MD2 presets (fixed seed).") var count = 60
    @Option(help: "The sample's seed.") var seed: UInt64 = 6
    @Option(help: "Passes; each preset counts its fastest.") var passes = 3
    @Option(help: "The Debian preset folder.") var presets = "/usr/share/projectM/presets"
    @Flag(help: "Print every preset's times too.") var verbose = false
    @Flag(help: "Print the figures as one JSON line.") var json = false

    func run() async throws {
        let files = ShaderLoadBenchmark.sampleMD2Presets(in: presets, count: count, seed: seed)
        guard !files.isEmpty else { throw ValidationError("no MD2 presets under \(presets)") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-bench-shader-\(UUID().uuidString)")
        let (result, times) = ShaderLoadBenchmark.run(files: files, seed: seed, scratch: scratch, passes: passes)
        if verbose {
            for t in times {
                print(String(format: "cold %7.2f ms  cached %6.2f ms  %@", t.coldMs, t.cachedMs, (t.preset as NSString).lastPathComponent))
            }
        }
        if json {
            print(try jsonLine(result))
            return
        }
        func f(_ x: Double) -> String { String(format: "%.2f", x) }
        print("\(result.presets) MD2 presets (seed \(result.seed)), \(result.failed) failed to load; best of \(passes) passes, ms"
              + (result.includesGL ? "" : ", without GL compile"))
        print("cold:   median \(f(result.coldMedianMs))  p95 \(f(result.coldP95Ms))")
        print("cached: median \(f(result.cachedMedianMs))  p95 \(f(result.cachedP95Ms))")
        print("medians: parse \(f(result.parseMedianMs))  compile expressions \(f(result.compileMedianMs))  "
              + "translate cold \(f(result.translateColdMedianMs))  cached \(f(result.translateCachedMedianMs))")
    }
}
