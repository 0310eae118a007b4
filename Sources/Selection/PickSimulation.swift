import AudioAnalysis
import Determinism

/// The picker run over a track's analysis, without rendering: what `aivj pairs simulate` prints and plots.
public struct PickSimulation: Sendable {
    /// Figures that say whether the picks follow the music.
    public struct Summary: Codable, Sendable, Equatable {
        public var frames: Int
        public var fps: Double
        public var switchEvery: Double
        public var picks: Int
        /// Picks made at random because there was no audio snapshot.
        public var fallbackPicks: Int
        /// Spearman correlation of the intensity at each pick and the picked pair's strength (nil if undefined).
        public var rankCorrelation: Double?
        /// Share of picks equal to the previous pick.
        public var repeatShare: Double
        public var meanQualityPicked: Double
        public var packMeanQuality: Double
        public var usablePairs: Int
    }

    /// Intensity per frame (nil when the frame had no snapshot).
    public var intensity: [Double?]
    public var records: [PickRecord]
    public var summary: Summary

    /// Runs `picker` over `frameCount` frames at `fps`, picking at frame 0 and every `switchEvery` seconds;
    /// `frame(i)` gives frame i's analysis (nil: no snapshot).
    public static func run(picker: Picker, seed: UInt64, fps: Double, switchEvery: Double, frameCount: Int,
                           packMeanQuality: Double, frame: (Int) throws -> FrameAudio?) rethrows -> PickSimulation {
        var picker = picker
        var rng = SeededRandom(seed: seed)
        let step = max(1, Int((switchEvery * fps).rounded()))
        var intensity: [Double?] = []
        var records: [PickRecord] = []
        for i in 0..<frameCount {
            let snapshot = try frame(i).flatMap(AudioSnapshot.init)
            intensity.append(snapshot?.intensity01)
            if i % step == 0, let r = picker.pick(at: Double(i) / fps, audio: snapshot, rng: &rng) { records.append(r) }
        }
        let summary = summarise(records, frames: frameCount, fps: fps, switchEvery: switchEvery,
                                packMeanQuality: packMeanQuality, usable: picker.usableCount)
        return PickSimulation(intensity: intensity, records: records, summary: summary)
    }

    /// The summary figures of a pick log.
    public static func summarise(_ records: [PickRecord], frames: Int, fps: Double, switchEvery: Double,
                                 packMeanQuality: Double, usable: Int) -> Summary {
        let withAudio = records.filter { $0.intensity01 != nil }
        let rho = RankCorrelation.spearman(withAudio.map { $0.intensity01 ?? 0 }, withAudio.map(\.strength))
        let repeats = zip(records.dropFirst(), records).filter { $0.pairID == $1.pairID }.count
        return Summary(
            frames: frames, fps: fps, switchEvery: switchEvery, picks: records.count,
            fallbackPicks: records.count - withAudio.count, rankCorrelation: rho,
            repeatShare: records.count > 1 ? Double(repeats) / Double(records.count - 1) : 0,
            meanQualityPicked: records.isEmpty ? 0 : records.reduce(0) { $0 + $1.quality01 } / Double(records.count),
            packMeanQuality: packMeanQuality, usablePairs: usable)
    }
}
