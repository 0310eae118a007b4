import Foundation

/// MilkDrop's bass/mid/treb levels relative to the long-term past, and their attenuated versions.
public struct BandLevels: Sendable, Equatable, Codable {
    public var bass: Float, mid: Float, treb: Float
    public var bassAtt: Float, midAtt: Float, trebAtt: Float
    /// `(bass + mid + treb) · 0.333`, as MilkDrop's wave alpha and projectM's `vol`.
    public var vol: Float { (bass + mid + treb) * 0.333 }
    /// `(bass_att + mid_att + treb_att) · 0.333`.
    public var volAtt: Float { (bassAtt + midAtt + trebAtt) * 0.333 }

    /// All levels at 1, what MilkDrop reports before any sound.
    public static let neutral = BandLevels(bass: 1, mid: 1, treb: 1, bassAtt: 1, midAtt: 1, trebAtt: 1)
}

/// The temporal smoothing of MilkDrop 2's `DoCustomSoundAnalysis` (plugin.cpp), one state per band.
///
/// Per frame: `imm` = sum of the band's spectrum bins; `avg` follows `imm` with rate 0.2 when
/// rising and 0.5 when falling; `long` with 0.9 for the first 50 frames and 0.992 after; every
/// rate r is rescaled to the real frame rate as r^(30/fps). Outputs are imm/long and avg/long,
/// or 1 when |long| < 0.001.
public struct MilkdropBands: Sendable, Equatable {
    /// Spectrum bins of each band: the bottom half of the 512 bins split in thirds, [0,85) [85,170) [170,256).
    public static let ranges: [Range<Int>] = (0..<3).map { b in (512 * b / 6)..<(512 * (b + 1) / 6) }

    public private(set) var imm: [Float] = [0, 0, 0]
    public private(set) var avg: [Float] = [0, 0, 0]
    public private(set) var longAvg: [Float] = [0, 0, 0]

    public init() {}

    /// MilkDrop's `AdjustRateToFPS(rate, 30, fps)`: the per-frame rate at `fps` that decays as
    /// much per second as `rate` does at 30 fps, i.e. rate^(30/fps).
    public static func adjustRate(_ rate: Float, fps: Double) -> Float {
        powf(powf(rate, 30), Float(1 / fps))
    }

    /// The three band sums of a 512-bin spectrum.
    public static func bandSums(_ spectrum: [Float]) -> [Float] {
        ranges.map { r in r.reduce(Float(0)) { $0 + spectrum[$1] } }
    }

    /// Advances one frame. `frame` counts frames from 0; `fps` is the real frame rate.
    public mutating func update(spectrum: [Float], frame: Int, fps: Double) -> BandLevels {
        imm = Self.bandSums(spectrum)
        var rel: [Float] = [1, 1, 1], att: [Float] = [1, 1, 1]
        for b in 0..<3 {
            let avgRate = Self.adjustRate(imm[b] > avg[b] ? 0.2 : 0.5, fps: fps)
            avg[b] = avg[b] * avgRate + imm[b] * (1 - avgRate)
            let longRate = Self.adjustRate(frame < 50 ? 0.9 : 0.992, fps: fps)
            longAvg[b] = longAvg[b] * longRate + imm[b] * (1 - longRate)
            if abs(longAvg[b]) >= 0.001 {
                rel[b] = imm[b] / longAvg[b]
                att[b] = avg[b] / longAvg[b]
            }
        }
        return BandLevels(bass: rel[0], mid: rel[1], treb: rel[2], bassAtt: att[0], midAtt: att[1], trebAtt: att[2])
    }
}
