import Determinism
import Foundation
import MilkExpression
import MilkPreset

/// `aivj bench expr`: per-pixel and per-frame code of 100 real presets, fast evaluator against the reference one.
public enum ExpressionBenchmark {
    public static let defaultPresetFolder = "/usr/share/projectM/presets"
    /// The per-pixel variables MilkDrop resets for every vertex from the per-frame values.
    static let perVertexOutputs = ["zoom", "zoomexp", "rot", "warp", "cx", "cy", "dx", "dy", "sx", "sy"]

    /// Timings of one preset (medians over the measured frames).
    public struct PresetResult: Sendable {
        public var name: String
        public var fastNsPerVertex: Double
        public var referenceNsPerVertex: Double
        public var fastPerFrameNs: Double
        public var referencePerFrameNs: Double
        /// How the per-pixel block ran over the grid.
        public var mode: CompiledCode.BatchMode
        /// True when both evaluators left identical per-vertex outputs and frame variables.
        public var identical: Bool
    }

    /// The whole run.
    public struct Result: Sendable {
        public var presets: [PresetResult]
        public var vertices: Int
        public var frames: Int

        public var fastMedian: Double { percentile(presets.map(\.fastNsPerVertex), 0.5) }
        public var fastP90: Double { percentile(presets.map(\.fastNsPerVertex), 0.9) }
        public var referenceMedian: Double { percentile(presets.map(\.referenceNsPerVertex), 0.5) }
        public var referenceP90: Double { percentile(presets.map(\.referenceNsPerVertex), 0.9) }
        /// Median over presets of reference/fast time.
        public var medianRatio: Double { percentile(presets.map { $0.referenceNsPerVertex / max($0.fastNsPerVertex, 1e-9) }, 0.5) }

        public var json: String {
            JSONText.object([
                ("presets", .int(presets.count)), ("vertices", .int(vertices)), ("frames", .int(frames)),
                ("fast_median_ns_per_vertex", .double(fastMedian)), ("fast_p90_ns_per_vertex", .double(fastP90)),
                ("reference_median_ns_per_vertex", .double(referenceMedian)),
                ("reference_p90_ns_per_vertex", .double(referenceP90)),
                ("ratio_of_medians", .double(referenceMedian / max(fastMedian, 1e-9))),
                ("median_ratio", .double(medianRatio)),
                ("fast_per_frame_median_ns", .double(percentile(presets.map(\.fastPerFrameNs), 0.5))),
                ("reference_per_frame_median_ns", .double(percentile(presets.map(\.referencePerFrameNs), 0.5))),
                ("vectorised_presets", .int(presets.filter { $0.mode == .vectorised }.count)),
                ("split_presets", .int(presets.filter { $0.mode == .split }.count)),
                ("identical_presets", .int(presets.filter(\.identical).count)),
            ])
        }

        public var text: String {
            var lines = ["fast_ns/vertex  ref_ns/vertex  ratio  mode        per_frame_fast_ns  preset"]
            lines += presets.map { p in
                String(format: "%14.1f %14.1f %6.1f  %@ %18.0f  ", p.fastNsPerVertex, p.referenceNsPerVertex,
                       p.referenceNsPerVertex / max(p.fastNsPerVertex, 1e-9),
                       p.mode.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) as NSString, p.fastPerFrameNs)
                    + p.name + (p.identical ? "" : "  MISMATCH")
            }
            lines.append(json)
            return lines.joined(separator: "\n")
        }
    }

    /// The 100 presets: the 50 with the longest per-pixel code, then 50 more with per-pixel code by a fixed seed.
    public static func selectPresets(folder: URL) throws -> [(name: String, preset: Preset)] {
        var candidates: [(name: String, preset: Preset, length: Int)] = []
        for url in try PresetFiles.presets(in: [folder]) {
            guard let preset = try? Preset(contentsOf: url) else { continue }
            let length = JoinedCode(lines: preset.code(.perPixel)).text.utf8.count
            if length > 0 { candidates.append((url.path.replacingOccurrences(of: folder.path + "/", with: ""), preset, length)) }
        }
        guard !candidates.isEmpty else { throw PresetCompilationError.noPresets(folder.path) }
        let byLength = candidates.sorted { $0.length != $1.length ? $0.length > $1.length : $0.name < $1.name }
        let longest = Array(byLength.prefix(50))
        var rest = Array(byLength.dropFirst(50)).sorted { $0.name < $1.name }
        var rng = SeededRandom(seed: 0x5EED_2026)
        var picked: [(String, Preset, Int)] = []
        while picked.count < 50 && !rest.isEmpty {
            picked.append(rest.remove(at: Int(rng.next() % UInt64(rest.count))))
        }
        return (longest + picked).map { ($0.0, $0.1) }
    }

    /// Runs the benchmark on a folder.
    public static func run(folder: URL, frames: Int = 20) throws -> Result {
        let grid = MeshGrid()
        let presets = try selectPresets(folder: folder)
        let results = presets.map { measure($0.name, $0.preset, grid: grid, frames: max(frames, 1)) }
        return Result(presets: results, vertices: grid.vertexCount, frames: frames)
    }

    static func measure(_ name: String, _ preset: Preset, grid: MeshGrid, frames: Int) -> PresetResult {
        var fast = PresetRunner(preset: preset, grid: grid)
        var reference = PresetRunner(preset: preset, grid: grid)
        var fastVertex: [Double] = [], refVertex: [Double] = [], fastFrame: [Double] = [], refFrame: [Double] = []
        for f in -2..<frames {
            let (fv, ff) = fast.frame(f + 2, reference: false)
            let (rv, rf) = reference.frame(f + 2, reference: true)
            if f >= 0 {
                fastVertex.append(fv / Double(grid.vertexCount))
                refVertex.append(rv / Double(grid.vertexCount))
                fastFrame.append(ff)
                refFrame.append(rf)
            }
        }
        return PresetResult(name: name, fastNsPerVertex: percentile(fastVertex, 0.5),
                            referenceNsPerVertex: percentile(refVertex, 0.5),
                            fastPerFrameNs: percentile(fastFrame, 0.5), referencePerFrameNs: percentile(refFrame, 0.5),
                            mode: fast.mode, identical: fast.sameState(as: reference))
    }
}

/// Median, p90 … of values (nearest rank); 0 when empty.
func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((p * Double(sorted.count - 1)).rounded())
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

