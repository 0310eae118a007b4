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

/// Writes audio files with libsndfile: WAV for fixtures and tests, raw float for ALSA's `file` plugin.
public final class SndfileWriter {
    /// The container/encoding written.
    public enum Kind: Sendable {
        /// WAV, 16-bit PCM.
        case wav16
        /// WAV, 32-bit float.
        case wavFloat
        /// Headerless little-endian 32-bit float, interleaved.
        case rawFloat
        /// Headerless little-endian signed 16-bit, interleaved.
        case rawS16
        /// FLAC, 16-bit.
        case flac16
        /// Ogg Vorbis.
        case oggVorbis
    }

    public let path: String
    private let handle: OpaquePointer
    private let channels: Int
    private var closed = false

    public init(path: String, sampleRate: Int, channels: Int, kind: Kind) throws(AudioInputError) {
        guard (1...8).contains(channels), sampleRate >= 1000 else {
            throw .invalidParameter(name: "writer format", value: "\(channels) ch @ \(sampleRate) Hz", reason: "1…8 channels, ≥ 1000 Hz")
        }
        self.path = path
        self.channels = channels
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        switch kind {
        case .wav16: info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        case .wavFloat: info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_FLOAT)
        case .rawFloat: info.format = Int32(SF_FORMAT_RAW | SF_FORMAT_FLOAT | SF_ENDIAN_LITTLE)
        case .rawS16: info.format = Int32(SF_FORMAT_RAW | SF_FORMAT_PCM_16 | SF_ENDIAN_LITTLE)
        case .flac16: info.format = Int32(SF_FORMAT_FLAC | SF_FORMAT_PCM_16)
        case .oggVorbis: info.format = Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        }
        guard let h = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .fileUnwritable(path: path, reason: String(cString: sf_strerror(nil)))
        }
        handle = h
    }

    deinit {
        if !closed { sf_close(handle) }
    }

    /// Appends frames (left/right must have equal length; mono files take `left`).
    public func write(left: [Float], right: [Float]) throws(AudioInputError) {
        let n = min(left.count, right.count)
        var interleaved = [Float](repeating: 0, count: n * channels)
        for i in 0..<n {
            interleaved[i * channels] = left[i]
            if channels > 1 { interleaved[i * channels + 1] = right[i] }
        }
        let wrote = interleaved.withUnsafeBufferPointer { sf_writef_float(handle, $0.baseAddress, sf_count_t(n)) }
        guard wrote == n else {
            throw .fileUnwritable(path: path, reason: "wrote \(wrote) of \(n) frames: \(String(cString: sf_strerror(handle)))")
        }
    }

    /// Flushes and closes; errors here mean the file is incomplete.
    public func close() throws(AudioInputError) {
        guard !closed else { return }
        closed = true
        let r = sf_close(handle)
        guard r == 0 else { throw .fileUnwritable(path: path, reason: "sf_close failed (\(r))") }
    }
}
