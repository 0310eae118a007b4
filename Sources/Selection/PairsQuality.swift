/// `pairs-quality.v0.json`: a score per pair id and statistics that make a degenerate score visible (docs/formats.md).
public struct PairsQuality: Codable, Sendable, Equatable {
    public static let formatName = "aivj-pairs-quality"
    public static let fileName = "pairs-quality.v0.json"

    public var format: String
    public var formatVersion: Int
    public var made: PackProvenance
    public var qualityStats: QualityStats
    /// Pair id → score in 0…1.
    public var quality: [String: Double]
    /// Scores that were not numbers (not written).
    public var skipped: [SkippedItem] = []

    public init(made: PackProvenance, quality: [String: Double]) {
        format = Self.formatName
        formatVersion = 0
        self.made = made
        self.quality = quality
        qualityStats = QualityStats(Array(quality.values))
    }
}

/// Summary of the scores: min, max, mean, population standard deviation and percentiles (nearest rank).
public struct QualityStats: Codable, Sendable, Equatable {
    public var count: Int
    public var min: Double
    public var max: Double
    public var mean: Double
    public var std: Double
    public var p10: Double
    public var p50: Double
    public var p90: Double
    /// How the scores were made, in one sentence (optional; the same as the file's `made.method`).
    public var method: String?

    /// Statistics of `values`; all zero for an empty list.
    public init(_ values: [Double], method: String? = nil) {
        self.method = method
        let sorted = values.sorted()
        count = sorted.count
        guard let first = sorted.first, let last = sorted.last else {
            min = 0; max = 0; mean = 0; std = 0; p10 = 0; p50 = 0; p90 = 0
            return
        }
        min = first
        max = last
        let m = sorted.reduce(0, +) / Double(sorted.count)
        mean = m
        std = (sorted.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(sorted.count)).squareRoot()
        func rank(_ p: Double) -> Double {
            let k = Swift.max(0, Swift.min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))
            return sorted[k]
        }
        p10 = rank(0.1); p50 = rank(0.5); p90 = rank(0.9)
    }
}

extension PairsQuality {
    enum CodingKeys: String, CodingKey { case format, formatVersion, made, qualityStats, quality }

    /// Decodes the file, keeping every score that is a number and listing the others in `skipped`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        formatVersion = try c.decode(Int.self, forKey: .formatVersion)
        made = try c.decode(PackProvenance.self, forKey: .made)
        qualityStats = try c.decode(QualityStats.self, forKey: .qualityStats)
        let items = try c.decode([String: Failable<Double>].self, forKey: .quality)
        quality = [:]
        skipped = []
        for (key, item) in items.sorted(by: { $0.key < $1.key }) {
            switch item.result {
            case let .success(v): quality[key] = v
            case let .failure(e): skipped.append(SkippedItem(position: key, reason: JSONFiles.describe(e)))
            }
        }
    }
}
