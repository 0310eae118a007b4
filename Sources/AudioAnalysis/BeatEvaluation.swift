/// Beat-tracking scores against reference beat times, as in the MIREX F-measure.
public struct BeatEvaluation: Sendable, Equatable {
    public var precision: Double, recall: Double, fMeasure: Double
    public var matched: Int, detected: Int, reference: Int

    /// Matches each reference beat to at most one detection within `tolerance` seconds (greedy by
    /// time, exact while the tolerance is under half the beat period). Beats before `skip` seconds
    /// are ignored (the usual convention), detections up to `tolerance` earlier still match the first
    /// kept reference.
    public static func score(detected: [Double], reference: [Double], tolerance: Double = 0.07, skip: Double = 0) -> BeatEvaluation {
        let d = detected.filter { $0 >= skip - tolerance }.sorted()
        let r = reference.filter { $0 >= skip }.sorted()
        var used = [Bool](repeating: false, count: d.count)
        var matched = 0, j = 0
        for ref in r {
            while j < d.count, d[j] < ref - tolerance { j += 1 }
            var k = j, best = -1, bestErr = tolerance
            while k < d.count, d[k] <= ref + tolerance {
                if !used[k], abs(d[k] - ref) <= bestErr { best = k; bestErr = abs(d[k] - ref) }
                k += 1
            }
            if best >= 0 { used[best] = true; matched += 1 }
        }
        let p = d.isEmpty ? 0 : Double(matched) / Double(d.count)
        let rc = r.isEmpty ? 0 : Double(matched) / Double(r.count)
        let f = p + rc > 0 ? 2 * p * rc / (p + rc) : 0
        return BeatEvaluation(precision: p, recall: rc, fMeasure: f, matched: matched, detected: d.count, reference: r.count)
    }
}
