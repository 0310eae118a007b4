import Foundation

/// Onset strength per analysis hop: the half-wave rectified increase of a log-compressed magnitude
/// spectrum, averaged within three bands (below 200 Hz, to 2 kHz, to 11 kHz) and summed, so a kick's
/// few low bins weigh as much as a snare's or a cymbal's many high ones.
public struct SpectralFlux: Sendable {
    private var previous: [Float]
    private let band: [Int]
    private let bandScale: [Float]
    /// One past the highest bin any band uses; bins above are never read.
    private let usedBins: Int
    /// Log compression `ln(1 + gamma·|X|)` with |X| normalised so a full-scale sine peaks near 1.
    public static let gamma: Float = 100
    /// Band edges in Hz.
    public static let edges: [Double] = [30, 200, 2000, 11025]

    /// - Parameters: bins: magnitude bins per hop; sampleRate and fftSize: to place the bands.
    public init(bins: Int, sampleRate: Int, fftSize: Int) {
        previous = [Float](repeating: 0, count: bins)
        var counts = [Int](repeating: 0, count: Self.edges.count - 1)
        band = (0..<bins).map { k in
            let hz = Double(k) * Double(sampleRate) / Double(fftSize)
            for b in 0..<(Self.edges.count - 1) where hz >= Self.edges[b] && hz < Self.edges[b + 1] {
                counts[b] += 1
                return b
            }
            return -1
        }
        bandScale = counts.map { $0 > 0 ? 1 / Float($0) : 0 }
        usedBins = (band.lastIndex { $0 >= 0 } ?? -1) + 1
    }

    /// The flux of one hop's magnitudes (already normalised); updates the remembered spectrum.
    public mutating func push(_ magnitudes: UnsafeBufferPointer<Float>) -> Float {
        var sums: (Float, Float, Float) = (0, 0, 0)
        for k in 0..<usedBins {
            let c = log1pf(Self.gamma * magnitudes[k])
            let d = c - previous[k]
            previous[k] = c
            guard d > 0 else { continue }
            switch band[k] {
            case 0: sums.0 += d
            case 1: sums.1 += d
            case 2: sums.2 += d
            default: break
            }
        }
        return sums.0 * bandScale[0] + sums.1 * bandScale[1] + sums.2 * bandScale[2]
    }
}
