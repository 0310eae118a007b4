import Foundation

/// Settings of the causal beat tracker.
public struct BeatTrackerConfiguration: Sendable {
    /// Tempo search range, in BPM.
    public var minBPM = 60.0, maxBPM = 200.0
    /// Seconds of onset history folded to score a tempo, and the recency time constant weighting it.
    public var window = 6.0, recency = 3.0
    /// Hops between tempo/phase re-estimates (twice as many while locked, after the first 8 s).
    public var estimateEvery = 24
    /// A mild log-normal tempo prior: centre BPM and width in octaves (only breaks near-ties).
    public var priorCenter = 120.0, priorOctaves = 2.0
    /// Fraction of the way each new estimate moves a steady tempo (1 = no smoothing).
    public var tempoSmoothing = 0.35
    /// Score factor favouring the current tempo over challengers.
    public var continuityBonus: Float = 1.3
    /// Seconds of onset history needed before the first estimate.
    public var warmup = 1.6
    public init() {}
}

/// A causal tempo and beat tracker over an onset-strength signal sampled once per hop.
///
/// Every few hops it takes candidate periods from the autocorrelation of the recent onsets (with
/// their metrical relatives), folds the recency-weighted onsets at each, and scores the best phase
/// minus the strongest other phase (which rejects multiples and halves of the true period), times a
/// wide tempo prior and a continuity bonus. The best period and its phase place a beat grid; a beat
/// is emitted when the grid point is reached. Nothing later than the current hop is read.
/// docs/audio.md gives the details and the measured accuracy.
public struct BeatTracker: Sendable {
    public let configuration: BeatTrackerConfiguration
    /// Onset hops per second.
    public let hopRate: Double
    private var raw: [Float]
    private var detrended: [Float]
    private var loudRing: [Bool]
    private var weights: [Float]
    /// Hops pushed so far.
    public private(set) var hops = 0
    /// Detrended onset strength below which nothing counts as an onset: well under any drum hit of
    /// the test tracks, well over a steady tone's hop-to-hop jitter.
    public static let minimumOnset: Float = 0.05
    /// The current period in hops, once estimated.
    public private(set) var period: Double?
    /// Beats per minute of the current period (0 before the first estimate).
    public var bpm: Double { period.map { 60 * hopRate / $0 } ?? 0 }
    /// True when the last estimates agree and the signal is not silent.
    public private(set) var locked = false
    private var nextBeat: Double = .infinity
    /// The last emitted beat, in hops (fractional).
    public private(set) var lastBeat: Double?
    private var recent: [Double] = []
    private var peakLevel: Float = 0
    private var lastOnset = Int.min / 2

    public init(hopRate: Double, configuration: BeatTrackerConfiguration = .init()) {
        self.configuration = configuration
        self.hopRate = hopRate
        let n = Int((configuration.window * hopRate).rounded(.up))
        raw = [Float](repeating: 0, count: n)
        detrended = [Float](repeating: 0, count: n)
        loudRing = [Bool](repeating: false, count: n)
        weights = (0..<n).map { age in Float(exp(-Double(age) / (configuration.recency * hopRate))) }
    }

    /// The phase in 0..<1 of the current hop within the beat (0 on a beat).
    public var phase: Double {
        guard let p = period, let last = lastBeat else { return 0 }
        let x = (Double(hops - 1) - last) / p
        return x - x.rounded(.down)
    }

    /// Pushes one hop's onset strength; `loud` says whether the hop carries sound at all.
    /// Returns the hop position (fractional, ≤ the current hop) of a beat emitted now, if any.
    public mutating func push(onset: Float, loud: Bool) -> Double? {
        let n = raw.count
        let i = hops % n
        raw[i] = onset
        loudRing[i] = loud
        // Detrend by the mean of the last 16 hops so sustained noise does not look like onsets.
        var mean: Float = 0
        let span = min(16, hops + 1)
        for a in 0..<span { mean += raw[(hops - a + n) % n] }
        mean /= Float(span)
        detrended[i] = max(0, onset - mean)
        // Remember the last clear onset: beats stop one period after the music does.
        peakLevel = max(detrended[i], peakLevel * Float(exp(-1 / (3 * hopRate))))
        if loud, detrended[i] >= max(Self.minimumOnset, 0.25 * peakLevel) { lastOnset = hops }
        hops += 1

        let sounding = isSounding()
        if hops >= Int(configuration.warmup * hopRate), hops % (locked && Double(hops) > 8 * hopRate ? 2 * configuration.estimateEvery : configuration.estimateEvery) == 0, sounding {
            estimate()
        }
        if !sounding { locked = false }
        let now = Double(hops - 1)
        guard let p = period, now >= nextBeat else { return nil }
        let beat = nextBeat
        nextBeat += p
        // A stale grid point (e.g. after a silent break) is skipped rather than emitted late.
        guard sounding, now - beat < 0.5 * p, Double(hops - 1 - lastOnset) <= 1.25 * p else { return nil }
        lastBeat = beat
        return beat
    }

    /// Some sound within the last beat period (or second, before a tempo is known) plus a few hops,
    /// so a silent break stops the beats within one period.
    private func isSounding() -> Bool {
        let n = raw.count
        let reach = Int(((period ?? hopRate) * 1.1).rounded(.up)) + 3
        let span = min(hops, reach, n)
        for a in 0..<span where loudRing[(hops - 1 - a + n) % n] { return true }
        return false
    }

    /// The folded onset strength at phase `phi` (hops back from the newest) for period `p`.
    private func comb(_ x: UnsafeBufferPointer<Float>, period p: Double, phase phi: Double) -> Float {
        let newest = x.count - 1
        var pos = Double(newest) - phi
        var sum: Float = 0, wsum: Float = 0
        while pos >= 0 {
            let lo = Int(pos)
            let f = Float(pos - Double(lo))
            let hi = min(lo + 1, newest)
            let v = x[lo] * (1 - f) + x[hi] * f
            let w = weights[newest - lo]
            sum += v * w
            wsum += w
            pos -= p
        }
        return wsum > 0 ? sum / wsum : 0
    }

    /// Best phase (hops back from newest, fractional) and score for a period.
    private func evaluate(_ x: UnsafeBufferPointer<Float>, period p: Double) -> (phase: Double, score: Float) {
        let steps = Int(p.rounded(.up))
        var best: Float = -1, bestPhi = 0
        var values = [Float](repeating: 0, count: steps)
        for phi in 0..<steps {
            let v = comb(x, period: p, phase: Double(phi))
            values[phi] = v
            if v > best { best = v; bestPhi = phi }
        }
        // Parabolic refinement of the phase between neighbouring hops.
        let l = values[(bestPhi - 1 + steps) % steps], r = values[(bestPhi + 1) % steps]
        let denom = l - 2 * best + r
        var phi = Double(bestPhi)
        if denom < 0 { phi += Double(max(-0.5, min(0.5, 0.5 * (l - r) / denom))) }
        // The strongest other phase: high for a multiple of the true period (its other beats land
        // there) and for half of it (the off-beats), low for the true period.
        let guardHops = max(2, Int(p / 6))
        var second: Float = 0
        for q in 0..<steps {
            let d = abs(q - bestPhi)
            if min(d, steps - d) >= guardHops { second = max(second, values[q]) }
        }
        return (phi, best - second)
    }

    /// Fold score of period `p` times the tempo prior.
    private func weightedScore(_ x: UnsafeBufferPointer<Float>, period p: Double) -> Float {
        let c = configuration
        let octaves = log2(60 * hopRate / p / c.priorCenter) / c.priorOctaves
        return evaluate(x, period: p).score * Float(exp(-0.5 * octaves * octaves))
    }

    /// The best period within ±`span`·steps of `p0` (relative step `step`), refined by a parabola.
    private func refine(_ x: UnsafeBufferPointer<Float>, around p0: Double, step: Double, span: Int,
                        range: ClosedRange<Double>) -> (period: Double, score: Float) {
        let periods = (-span...span).map { p0 * (1 + step * Double($0)) }
        let scores = periods.map { range.contains($0) ? weightedScore(x, period: $0) : -Float.infinity }
        guard let i = scores.indices.max(by: { scores[$0] < scores[$1] }) else { return (p0, -1) }
        var best = periods[i]
        if i > 0, i < scores.count - 1, scores[i - 1].isFinite, scores[i + 1].isFinite {
            let l = scores[i - 1], m = scores[i], r = scores[i + 1]
            let denom = l - 2 * m + r
            if denom < 0 { best *= 1 + step * Double(max(-0.5, min(0.5, 0.5 * (l - r) / denom))) }
        }
        return (best, max(scores[i], weightedScore(x, period: best)))
    }

    /// Candidate periods from the autocorrelation of the detrended onsets: its strongest peaks in
    /// the tempo range, and for the two strongest also double, half, triple and a third, since the
    /// autocorrelation alone cannot tell the metrical level.
    private func candidatePeriods(_ x: UnsafeBufferPointer<Float>, range: ClosedRange<Double>) -> [Double] {
        let count = x.count
        let lo = max(1, Int(range.lowerBound) - 1), hi = min(count - 2, Int(range.upperBound.rounded(.up)) + 1)
        guard hi > lo + 2 else { return [] }
        var acf = [Float](repeating: 0, count: hi + 2)
        for lag in lo...(hi + 1) where lag < count {
            var sum: Float = 0
            for j in lag..<count { sum += x[j] * x[j - lag] }
            acf[lag] = sum / Float(count - lag)
        }
        var peaks: [(lag: Double, value: Float)] = []
        for lag in (lo + 1)...hi where acf[lag] > 0 && acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1] {
            let l = acf[lag - 1], m = acf[lag], r = acf[lag + 1]
            let denom = l - 2 * m + r
            let shift = denom < 0 ? Double(max(-0.5, min(0.5, 0.5 * (l - r) / denom))) : 0
            peaks.append((Double(lag) + shift, m))
        }
        peaks.sort { $0.value > $1.value }
        var periods: [Double] = []
        for (i, peak) in peaks.prefix(4).enumerated() {
            for m in i < 2 ? [1, 2, 0.5, 3, 1.0 / 3] : [1] {
                let q = peak.lag * m
                if range.contains(q), !periods.contains(where: { abs($0 / q - 1) < 0.012 }) { periods.append(q) }
            }
        }
        return periods
    }

    private mutating func estimate() {
        let n = raw.count
        let count = min(hops, n)
        var x = [Float](repeating: 0, count: count)
        for j in 0..<count { x[j] = detrended[(hops - count + j) % n] }
        let c = configuration
        let range = (60 * hopRate / c.maxBPM)...(60 * hopRate / c.minBPM)
        let best: (period: Double, score: Float)? = x.withUnsafeBufferPointer { xb in
            var best: (period: Double, score: Float)?
            var starts = candidatePeriods(xb, range: range)
            if let current = period, range.contains(current) { starts.append(current) }
            for p0 in starts {
                var r = refine(xb, around: p0, step: 0.004, span: 4, range: range)
                // Continuity: a challenger must beat the current tempo clearly, so the tempo does not
                // flicker between metrical levels the folded signal scores alike.
                if let current = period, abs(r.period / current - 1) < 0.03 { r.score *= c.continuityBonus }
                if r.score > (best?.score ?? -1) { best = r }
            }
            // A finer pass around the winner: the fold peak narrows as the window holds more beats.
            return best.map { refine(xb, around: $0.period, step: 0.001, span: 3, range: range) }
        }
        guard let best, best.score > Self.minimumOnset * 0.2 else { return }
        let bestBPM = 60 * hopRate / best.period
        // Estimates of a steady tempo scatter by a few tenths of a percent; follow them smoothly,
        // but jump at once to a clearly different tempo.
        var p = best.period
        if let current = period, abs(p / current - 1) < 0.03 { p = current + c.tempoSmoothing * (p - current) }
        let phase = x.withUnsafeBufferPointer { evaluate($0, period: p).phase }
        period = p
        recent.append(bestBPM)
        if recent.count > 3 { recent.removeFirst() }
        locked = recent.count == 3 && recent.allSatisfy { abs($0 / bestBPM - 1) < 0.02 }

        // Place the grid: the newest grid point, moved past the last emitted beat.
        let now = Double(hops - 1)
        var candidate = now - phase
        if let last = lastBeat {
            while candidate <= last + 0.5 * p { candidate += p }
        }
        while candidate < now - 0.5 * p { candidate += p }
        nextBeat = candidate
    }
}
