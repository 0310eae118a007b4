import AudioAnalysis

/// Audio from a file or a synthetic signal, kept in step with the wall clock of a live show.
///
/// Such sources hand out exactly one video frame's samples per call, at the analysis rate (`fps`). A live show's
/// frames do not come at that rate (a slow machine renders fewer, a fast display more), so each rendered frame asks
/// for the audio at its wall time: every block due since the last call is analysed in order (the analyser's
/// smoothing and beat tracking see every block, so the music neither slows down nor speeds up), the newest is
/// returned with the beats of the skipped ones; when no new block is due, the last one is repeated without beats.
public final class WallClockAudio {
    /// Blocks per second of the source and its analysis.
    public let fps: Double
    private let next: () -> FrameAudio
    private var analysed = 0
    private var last: FrameAudio?

    /// `next` analyses the source's next block (e.g. `AudioFeed.next`).
    public init(fps: Double, next: @escaping () -> FrameAudio) {
        self.fps = fps
        self.next = next
    }

    /// The audio at `time` seconds since the show started.
    public func audio(at time: Double) -> FrameAudio {
        let due = max(1, Int((max(0, time) * fps + 1e-9).rounded(.down)) + 1)
        guard analysed < due || last == nil else {
            var repeated = last ?? .silent(frame: 0, fps: fps)
            repeated.beats = []
            return repeated
        }
        var beats: [Double] = []
        var newest = FrameAudio.silent(frame: 0, fps: fps)
        repeat {
            newest = next()
            beats += newest.beats
            analysed += 1
        } while analysed < due
        newest.beats = beats
        last = newest
        return newest
    }

    /// Blocks analysed so far.
    public var blocksAnalysed: Int { analysed }
}
