import Determinism
import GraphicsCore
import Foundation
import ShaderTranslation

/// `aivj bench shader`: how long loading an MD2 preset takes on the CPU — parse, compile the expressions, translate
/// both shaders — with an empty shader cache (cold) and with the cache filled by the cold pass (cached).
///
/// `runWithGL` adds compiling and linking both GL programs as the layer does (`ShaderStageProgram`) to each load;
/// `run` alone times the CPU part `PresetPreparer` does off the render thread.
public enum ShaderLoadBenchmark {
    /// One preset's load times, in milliseconds.
    public struct PresetTimes: Sendable, Codable, Equatable {
        public var preset: String
        public var coldMs: Double
        public var cachedMs: Double
        public var parseMs: Double
        public var compileMs: Double
        public var translateColdMs: Double
        public var translateCachedMs: Double
        public var glMs: Double?
    }

    /// The figures over the sample: medians and 95th percentiles in milliseconds.
    public struct Result: Sendable, Codable, Equatable {
        public var presets: Int
        public var seed: UInt64
        public var failed: Int
        public var coldMedianMs: Double
        public var coldP95Ms: Double
        public var cachedMedianMs: Double
        public var cachedP95Ms: Double
        public var parseMedianMs: Double
        public var compileMedianMs: Double
        public var translateColdMedianMs: Double
        public var translateCachedMedianMs: Double
        /// Median GL compile time, when `glCompile` was given.
        public var glMedianMs: Double?
        public var includesGL: Bool
    }

    /// `count` MilkDrop 2 presets (with a warp or comp shader) from `folder`, picked by a fixed seed.
    public static func sampleMD2Presets(in folder: String, count: Int, seed: UInt64) -> [String] {
        PresetSample.pick(in: folder, count: count, seed: seed, withShaders: true)
    }

    /// Loads every preset of `files` cold (a new empty cache in `scratch`), then again with that cache, `passes` times;
    /// each preset's figures are its fastest pass, which filters out other processes on a shared machine. `glCompile`,
    /// when given, compiles the prepared shaders and is timed as part of each load. `scratch` is removed afterwards.
    public static func run(files: [String], seed: UInt64, scratch: URL, passes: Int = 3,
                           glCompile: ((PreparedPreset) throws -> Void)? = nil) -> (Result, [PresetTimes]) {
        defer { try? FileManager.default.removeItem(at: scratch) }
        // One load before timing, into a cache of its own, so one-time set-up is not charged to the first preset.
        if let first = files.first {
            let warmup = PreparationSettings(cache: ShaderCache(directory: scratch.appendingPathComponent("warmup")), loadTextures: false)
            _ = try? PreparedPreset.prepare(path: first, settings: warmup)
        }
        let clock = ContinuousClock()
        func load(_ path: String, _ settings: PreparationSettings) -> (PreparedPreset, Double)? {
            guard let prepared = try? PreparedPreset.prepare(path: path, settings: settings) else { return nil }
            guard let glCompile else { return (prepared, 0) }
            let start = clock.now
            do { try glCompile(prepared) } catch { return nil }
            return (prepared, milliseconds(clock.now - start))
        }
        var best: [String: PresetTimes] = [:]
        var failedPaths = Set<String>()
        for pass in 0..<max(passes, 1) {
            let settings = PreparationSettings(seed: 1, cache: ShaderCache(directory: scratch.appendingPathComponent("cache\(pass)")),
                                               loadTextures: false)
            var cold: [String: (PreparedPreset, Double)] = [:]
            for path in files {
                if let loaded = load(path, settings) { cold[path] = loaded } else { failedPaths.insert(path) }
            }
            for path in files {
                guard let (first, firstGL) = cold[path], let (second, secondGL) = load(path, settings) else { continue }
                let t = PresetTimes(
                    preset: path, coldMs: first.timing.totalSeconds * 1000 + firstGL,
                    cachedMs: second.timing.totalSeconds * 1000 + secondGL, parseMs: first.timing.parseSeconds * 1000,
                    compileMs: first.timing.compileSeconds * 1000, translateColdMs: first.timing.translateSeconds * 1000,
                    translateCachedMs: second.timing.translateSeconds * 1000, glMs: glCompile == nil ? nil : firstGL)
                guard let old = best[path] else { best[path] = t; continue }
                best[path] = PresetTimes(
                    preset: path, coldMs: min(old.coldMs, t.coldMs), cachedMs: min(old.cachedMs, t.cachedMs),
                    parseMs: min(old.parseMs, t.parseMs), compileMs: min(old.compileMs, t.compileMs),
                    translateColdMs: min(old.translateColdMs, t.translateColdMs),
                    translateCachedMs: min(old.translateCachedMs, t.translateCachedMs),
                    glMs: old.glMs.flatMap { a in t.glMs.map { min(a, $0) } })
            }
        }
        let times = files.compactMap { best[$0] }
        let failed = failedPaths.count
        func median(_ values: [Double]) -> Double { percentile(values, 50) }
        let result = Result(
            presets: times.count, seed: seed, failed: failed,
            coldMedianMs: median(times.map(\.coldMs)), coldP95Ms: percentile(times.map(\.coldMs), 95),
            cachedMedianMs: median(times.map(\.cachedMs)), cachedP95Ms: percentile(times.map(\.cachedMs), 95),
            parseMedianMs: median(times.map(\.parseMs)), compileMedianMs: median(times.map(\.compileMs)),
            translateColdMedianMs: median(times.map(\.translateColdMs)),
            translateCachedMedianMs: median(times.map(\.translateCachedMs)),
            glMedianMs: glCompile == nil ? nil : median(times.compactMap(\.glMs)), includesGL: glCompile != nil)
        return (result, times)
    }

    /// The nearest-rank `p`th percentile of `values` (0 when empty).
    public static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    static func milliseconds(_ d: Duration) -> Double {
        (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18) * 1000
    }
}

extension ShaderLoadBenchmark {
    /// `run` with GL compilation: a headless GL context is made, and each load also compiles and links both stages'
    /// programs exactly as the layer does (`ShaderStageProgram`). A stage that fails to compile counts its preset as
    /// failed.
    public static func runWithGL(files: [String], seed: UInt64, scratch: URL, passes: Int = 3) throws -> (Result, [PresetTimes]) {
        let context = try wrapGraphics { try HeadlessContext() }
        defer { withExtendedLifetime(context) {} }
        return run(files: files, seed: seed, scratch: scratch, passes: passes) { prepared in
            for case let .success(shader)? in [prepared.warp, prepared.comp] {
                _ = try ShaderStageProgram(shader, label: "\(prepared.preset.name) \(shader.stage.rawValue) shader") { _ in (256, 256) }
            }
        }
    }
}
