/// The exact sample range of a video frame, so a recording is reproducible.
public enum FrameSampleRange {
    /// `[floor(i·rate/fps), floor((i+1)·rate/fps))`, in integer arithmetic when fps is whole.
    public static func range(frame i: Int, sampleRate: Int, fps: Double) -> Range<Int> {
        start(frame: i, sampleRate: sampleRate, fps: fps)..<start(frame: i + 1, sampleRate: sampleRate, fps: fps)
    }

    static func start(frame i: Int, sampleRate: Int, fps: Double) -> Int {
        if fps == fps.rounded(), fps >= 1, fps < 1e6 {
            return i * sampleRate / Int(fps)
        }
        return Int((Double(i) * Double(sampleRate) / fps).rounded(.down))
    }
}
