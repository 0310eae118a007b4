import Foundation

extension PickSimulation {
    /// One pick as a line of text.
    public static func describe(_ r: PickRecord) -> String {
        let intensity = r.intensity01.map { String(format: "%.2f", $0) } ?? "—"
        var line = String(format: "%8.2f s  %@  %@  intensity %@  strength %.2f  warp_diff %.3f  cx_diff %.3f  quality %.2f%@  weight %.4f (p %.2f)",
                          r.time, r.mode.rawValue, r.pairID, intensity, r.strength, r.warpDiff, r.cxDiff,
                          r.quality01, r.scored ? "" : " (unscored)", r.weight, r.probability)
        if !r.alternatives.isEmpty {
            line += "  next: " + r.alternatives.map { "\($0.id) \(String(format: "%.4f", $0.weight))" }.joined(separator: ", ")
        }
        if let note = r.note { line += "  [\(note)]" }
        return line
    }

    /// The summary as one line of text.
    public static func describe(_ s: Summary) -> String {
        let rho = s.rankCorrelation.map { String(format: "%.3f", $0) } ?? "undefined"
        return String(format: "%d picks (%d at random without audio) over %d pairs; rank correlation intensity vs strength %@; repeat share %.3f; mean quality picked %.3f vs pack %.3f",
                      s.picks, s.fallbackPicks, s.usablePairs, rho, s.repeatShare, s.meanQualityPicked, s.packMeanQuality)
    }
}
