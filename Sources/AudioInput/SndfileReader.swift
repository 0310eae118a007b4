import CSndfile

/// An open audio file (WAV, FLAC, OGG, MP3 … whatever libsndfile decodes), read as float frames.
public final class SndfileReader {
    public let path: String
    public let sampleRate: Int
    public let channels: Int
    /// Frames in the file (libsndfile's count; exact for PCM formats).
    public let frameCount: Int
    private let handle: OpaquePointer
    /// The next frame `read` returns.
    public private(set) var position = 0

    public init(path: String) throws(AudioInputError) {
        self.path = path
        var info = SF_INFO()
        guard let h = sf_open(path, Int32(SFM_READ), &info) else {
            throw .fileUnreadable(path: path, reason: String(cString: sf_strerror(nil)))
        }
        guard info.channels >= 1, info.samplerate >= 1000 else {
            sf_close(h)
            throw .fileUnreadable(path: path, reason: "unusable format (\(info.channels) channels, \(info.samplerate) Hz)")
        }
        handle = h
        sampleRate = Int(info.samplerate)
        channels = Int(info.channels)
        frameCount = Int(info.frames)
    }

    deinit {
        sf_close(handle)
    }

    /// Moves to frame `frame` (clamped to the file).
    public func seek(to frame: Int) throws(AudioInputError) {
        let target = max(0, min(frame, frameCount))
        guard target != position else { return }
        let r = sf_seek(handle, sf_count_t(target), SEEK_SET)
        guard r >= 0 else {
            throw .fileUnreadable(path: path, reason: "seek to frame \(target) failed: \(String(cString: sf_strerror(handle)))")
        }
        position = Int(r)
    }

    /// Reads up to `frames` frames as left/right (mono is duplicated, channels past two are dropped);
    /// past the end the result is shorter.
    public func read(frames: Int) throws(AudioInputError) -> (left: [Float], right: [Float]) {
        guard frames > 0 else { return ([], []) }
        var interleaved = [Float](repeating: 0, count: frames * channels)
        let got = interleaved.withUnsafeMutableBufferPointer { sf_readf_float(handle, $0.baseAddress, sf_count_t(frames)) }
        guard got >= 0 else {
            throw .fileUnreadable(path: path, reason: String(cString: sf_strerror(handle)))
        }
        if got == 0, sf_error(handle) != 0 {
            throw .fileUnreadable(path: path, reason: String(cString: sf_strerror(handle)))
        }
        let n = Int(got)
        position += n
        var l = [Float](repeating: 0, count: n), r = l
        let c = channels
        for i in 0..<n {
            l[i] = interleaved[i * c]
            r[i] = c > 1 ? interleaved[i * c + 1] : l[i]
        }
        return (l, r)
    }
}
