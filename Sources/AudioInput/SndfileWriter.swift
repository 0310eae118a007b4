import CSndfile

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
        /// MPEG-1 Layer III (libsndfile ≥ 1.1 built with LAME).
        case mp3
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
        case .mp3: info.format = Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
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
