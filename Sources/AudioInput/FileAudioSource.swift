/// A recording read through libsndfile; frame `i` gets exactly the samples
/// `[floor(i·rate/fps), floor((i+1)·rate/fps))`, so analysing a file is reproducible.
public final class FileAudioSource: AudioSource {
    private let reader: SndfileReader
    public var sampleRate: Int { reader.sampleRate }
    public let name: String
    public private(set) var status: AudioSourceStatus = .running

    public init(path: String) throws(AudioInputError) {
        reader = try SndfileReader(path: path)
        name = path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Length in seconds.
    public var duration: Double { Double(reader.frameCount) / Double(reader.sampleRate) }

    /// Frames needed to cover the whole file at `fps`.
    public func frameCount(fps: Double) -> Int {
        var n = Int((duration * fps).rounded(.down))
        while FrameSampleRange.range(frame: n, sampleRate: sampleRate, fps: fps).lowerBound < reader.frameCount { n += 1 }
        return n
    }

    public func block(forFrame index: Int, fps: Double) throws(AudioInputError) -> AudioBlock {
        let r = FrameSampleRange.range(frame: index, sampleRate: sampleRate, fps: fps)
        if r.lowerBound != reader.position { try reader.seek(to: r.lowerBound) }
        var (l, rr) = try reader.read(frames: r.count)
        if l.count < r.count {
            status = .finished
            l += [Float](repeating: 0, count: r.count - l.count)
            rr += [Float](repeating: 0, count: r.count - rr.count)
        }
        return AudioBlock(left: l, right: rr)
    }
}
