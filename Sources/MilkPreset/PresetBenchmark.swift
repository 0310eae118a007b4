import Foundation

/// Preset reading speed over a set of files, against a baseline measured in the same run.
public struct PresetBenchmark: Sendable, Codable {
    public var files = 0
    public var bytes = 0
    /// Baseline: reading every file's bytes and hashing them (FNV-1a), in seconds (best of the passes).
    public var readSeconds = 0.0
    /// Reading, decoding and parsing every file into a `Preset`.
    public var parseSeconds = 0.0
    /// Parsing, writing back as text and parsing that again (what `aivj preset check` does per file).
    public var roundTripSeconds = 0.0
    public var passes = 0
    /// Files that parsed, and that survived the round trip (the work measured, so it cannot be optimised away).
    public var parsed = 0
    public var roundTripOK = 0
    /// FNV-1a over all the bytes read (the baseline's work).
    public var contentHash = ""

    /// `parseSeconds / readSeconds`: what parsing costs in units of just reading the bytes.
    public var parseOverRead: Double { readSeconds > 0 ? parseSeconds / readSeconds : 0 }

    /// Measures `files`, keeping the best of `passes` runs of each phase.
    public static func run(_ files: [URL], passes: Int = 3) -> PresetBenchmark {
        var result = PresetBenchmark()
        result.files = files.count
        result.passes = max(1, passes)
        let clock = ContinuousClock()
        func best(_ body: () -> Void) -> Double {
            var fastest = Double.infinity
            for _ in 0..<result.passes {
                let duration = clock.measure(body)
                fastest = min(fastest, Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
            }
            return fastest
        }
        var hash = FNV1a64()
        result.readSeconds = best {
            var total = 0
            for url in files {
                guard let bytes = try? Preset.readFile(url) else { continue }
                total += bytes.count
                hash.update(bytes)
            }
            result.bytes = total
        }
        result.parseSeconds = best {
            result.parsed = files.count { (try? Preset(contentsOf: $0)) != nil }
        }
        result.roundTripSeconds = best {
            result.roundTripOK = files.count { url in
                guard let preset = try? Preset(contentsOf: url) else { return false }
                return PresetCheck.roundTripProblem(preset) == nil
            }
        }
        result.contentHash = hash.hex
        return result
    }
}
