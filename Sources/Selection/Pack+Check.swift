/// What `aivj pairs check` reports about a pack after its problem lines.
public struct PackCheckSummary: Codable, Sendable, Equatable {
    public var pack: String
    /// Pairs that passed every check, and those whose presets are not excluded by the run manifest.
    public var pairs: Int
    public var usable: Int
    /// Pairs with a valid score in the quality file.
    public var scored: Int
    public var problems: Int
    /// As written in the quality file, when there is one.
    public var qualityStats: QualityStats?
    public var ok: Bool
}

extension Pack {
    /// The summary of this pack's check.
    public var checkSummary: PackCheckSummary {
        PackCheckSummary(pack: directory, pairs: pairs.count, usable: pairs.filter(\.isUsable).count,
                         scored: pairs.filter { $0.quality01 != nil }.count, problems: problems.count,
                         qualityStats: quality?.qualityStats, ok: problems.isEmpty)
    }
}
