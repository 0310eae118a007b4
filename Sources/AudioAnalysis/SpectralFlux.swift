import Foundation

/// Onset strength per analysis hop: the half-wave rectified increase of a log-compressed magnitude
/// spectrum, averaged within three bands (below 200 Hz, to 2 kHz, to 11 kHz) and summed with the
/// low band weighted most, so a kick's few low bins weigh at least as much as a cymbal's many high ones.
///
/// Above 2 kHz adjacent bins are merged in fours before compression: onsets there are broadband, and
/// it quarters the logarithms per hop.
public struct SpectralFlux: Sendable {
    /// Log compression `ln(1 + gamma·|X|)` with |X| normalised so a full-scale sine peaks near 1.
    public static let gamma: Float = 100
    /// Weight of the mid and high bands against the low one: kicks and bass notes carry the beat in
    /// most music, snares and hats count but less.
    public static let upperWeight: Float = 0.6
    /// Band edges in Hz.
    public static let edges: [Double] = [30, 200, 2000, 11025]

    /// Bins merged into each compressed value: (first bin, bin count, band).
    private let groups: [(start: Int, count: Int, band: Int)]
    private var previous: [Float]
    private let bandScale: [Float]
    /// One past the highest bin any band uses; callers need not compute magnitudes above it.
    public let usedBins: Int

    /// - Parameters: bins: magnitude bins per hop; sampleRate and fftSize: to place the bands.
    public init(bins: Int, sampleRate: Int, fftSize: Int) {
        let hzPerBin = Double(sampleRate) / Double(fftSize)
        var groups: [(Int, Int, Int)] = []
        var k = 1
        while k < bins {
            let hz = Double(k) * hzPerBin
            guard let band = (0..<(Self.edges.count - 1)).first(where: { hz >= Self.edges[$0] && hz < Self.edges[$0 + 1] }) else {
                if hz >= Self.edges[Self.edges.count - 1] { break }
                k += 1
                continue
            }
            let width = band == 2 ? 4 : 1
            let end = min(k + width, bins, Int((Self.edges[band + 1] / hzPerBin).rounded(.up)))
            groups.append((k, max(1, end - k), band))
            k = max(k + 1, end)
        }
        self.groups = groups
        previous = [Float](repeating: 0, count: groups.count)
        var counts = [Int](repeating: 0, count: Self.edges.count - 1)
        for g in groups { counts[g.2] += 1 }
        bandScale = counts.map { $0 > 0 ? 1 / Float($0) : 0 }
        usedBins = groups.last.map { $0.0 + $0.1 } ?? 0
    }

    /// The flux of one hop's magnitudes (already normalised, at least `usedBins` of them); updates
    /// the remembered spectrum.
    public mutating func push(_ magnitudes: UnsafeBufferPointer<Float>) -> Float {
        var sums: (Float, Float, Float) = (0, 0, 0)
        for (g, group) in groups.enumerated() {
            var m: Float = 0
            for k in group.start..<(group.start + group.count) { m += magnitudes[k] }
            let c = log1pf(Self.gamma * m / Float(group.count))
            let d = c - previous[g]
            previous[g] = c
            guard d > 0 else { continue }
            switch group.band {
            case 0: sums.0 += d
            case 1: sums.1 += d
            default: sums.2 += d
            }
        }
        return sums.0 * bandScale[0] + Self.upperWeight * (sums.1 * bandScale[1] + sums.2 * bandScale[2])
    }
}
