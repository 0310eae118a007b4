import CALSA
import Foundation

/// What to ask a capture device for; the device may grant something else (read back in `ALSAPCM`).
public struct CaptureRequest: Sendable, Equatable {
    public var sampleRate = 48000
    public var periodFrames = 512
    public var periods = 4
    /// Sample formats in order of preference.
    public var formats: [ALSASampleFormat] = [.float32, .s16]
    /// Sleep so periods arrive at the sample rate: only for clock-less PCMs such as the `file`
    /// plugin on a `null` slave, which otherwise deliver as fast as they are read.
    public var paceToRealTime = false
    /// Let a clock-less PCM be read as fast as it delivers (tests that replay a file through ALSA). Off by
    /// default: otherwise capture never runs ahead of the wall clock by more than the device's buffer, so a
    /// `null` device does not spin a core (see `CaptureWorker.limitToRealTime`).
    public var unthrottled = false
    public init() {}
}

/// The sample formats the capture path converts from.
public enum ALSASampleFormat: String, Sendable, Equatable {
    case float32 = "FLOAT_LE"
    case s16 = "S16_LE"

    var alsa: snd_pcm_format_t {
        switch self {
        case .float32: return SND_PCM_FORMAT_FLOAT_LE
        case .s16: return SND_PCM_FORMAT_S16_LE
        }
    }

    var bytes: Int { self == .float32 ? 4 : 2 }
}

/// An open ALSA capture PCM (`snd_pcm_t*`), configured for interleaved reads; closed in deinit.
public final class ALSAPCM {
    public let device: String
    public let format: ALSASampleFormat
    public let sampleRate: Int
    public let channels: Int
    public let periodFrames: Int
    public let bufferFrames: Int
    private let handle: OpaquePointer
    private var raw: [UInt8]
    // Kept alive while the PCM is open: it may reference the tree.
    private let configuration: ALSAConfiguration?

    /// Runs `body` with libasound's own stderr messages silenced on this thread: every failure is
    /// reported once, clearly, through `AudioInputError`, and reconnection attempts must not spam the terminal.
    static func quietly<T>(_ body: () throws(AudioInputError) -> T) throws(AudioInputError) -> T {
        let previous = snd_lib_error_set_local { _, _, _, _, _, _ in }
        defer { _ = snd_lib_error_set_local(previous) }
        return try body()
    }

    /// Opens `device` for capture and negotiates format, rate, channels, period and buffer.
    public convenience init(device: String, request: CaptureRequest = .init(), configuration: ALSAConfiguration? = nil) throws(AudioInputError) {
        let parts = try Self.quietly { () throws(AudioInputError) -> (OpaquePointer, Granted) in
            try Self.open(device: device, request: request, configuration: configuration)
        }
        self.init(handle: parts.0, device: device, granted: parts.1, configuration: configuration)
    }

    typealias Granted = (ALSASampleFormat, Int, Int, Int, Int)

    private init(handle: OpaquePointer, device: String, granted: Granted, configuration: ALSAConfiguration?) {
        self.handle = handle
        self.device = device
        self.configuration = configuration
        (format, sampleRate, channels, periodFrames, bufferFrames) = granted
        raw = [UInt8](repeating: 0, count: periodFrames * channels * format.bytes)
    }

    private static func open(device: String, request: CaptureRequest, configuration: ALSAConfiguration?)
        throws(AudioInputError) -> (OpaquePointer, Granted) {
        var pcm: OpaquePointer?
        let r: Int32
        // Opened non-blocking so a device held by another program fails at once with -EBUSY
        // instead of hanging the caller; reads then block again (bounded by snd_pcm_wait).
        let mode = Int32(SND_PCM_NONBLOCK)
        if let configuration {
            r = snd_pcm_open_lconf(&pcm, device, SND_PCM_STREAM_CAPTURE, mode, configuration.tree)
        } else {
            r = snd_pcm_open(&pcm, device, SND_PCM_STREAM_CAPTURE, mode)
        }
        guard r >= 0, let pcm else { throw Self.openError(device: device, code: r) }
        let blocking = snd_pcm_nonblock(pcm, 0)
        guard blocking >= 0 else {
            snd_pcm_close(pcm)
            throw .alsa(device: device, call: "snd_pcm_nonblock", code: blocking, reason: String(cString: snd_strerror(blocking)))
        }
        do {
            return (pcm, try Self.configure(pcm, device: device, request: request))
        } catch {
            snd_pcm_close(pcm)
            throw error
        }
    }

    deinit {
        snd_pcm_close(handle)
    }

    static func openError(device: String, code: Int32) -> AudioInputError {
        let reason = String(cString: snd_strerror(code))
        switch -code {
        case EBUSY, EAGAIN: return .deviceBusy(device: device)
        case ENOENT, ENODEV, ENXIO: return .deviceMissing(device: device, reason: reason)
        default: return .alsa(device: device, call: "snd_pcm_open", code: code, reason: reason)
        }
    }

    private static func check(_ r: Int32, _ call: String, _ device: String) throws(AudioInputError) {
        guard r >= 0 else { throw .alsa(device: device, call: call, code: r, reason: String(cString: snd_strerror(r))) }
    }

    private static func configure(_ pcm: OpaquePointer, device: String, request: CaptureRequest)
        throws(AudioInputError) -> (ALSASampleFormat, Int, Int, Int, Int) {
        var params: OpaquePointer?
        try check(snd_pcm_hw_params_malloc(&params), "snd_pcm_hw_params_malloc", device)
        guard let params else { throw .alsa(device: device, call: "snd_pcm_hw_params_malloc", code: -ENOMEM, reason: "no memory") }
        defer { snd_pcm_hw_params_free(params) }
        try check(snd_pcm_hw_params_any(pcm, params), "snd_pcm_hw_params_any", device)
        try check(snd_pcm_hw_params_set_access(pcm, params, SND_PCM_ACCESS_RW_INTERLEAVED), "snd_pcm_hw_params_set_access", device)
        guard let format = request.formats.first(where: { snd_pcm_hw_params_test_format(pcm, params, $0.alsa) == 0 }) else {
            throw .unsupportedFormat(device: device, reason: "none of \(request.formats.map(\.rawValue).joined(separator: ", "))")
        }
        try check(snd_pcm_hw_params_set_format(pcm, params, format.alsa), "snd_pcm_hw_params_set_format", device)
        var channels: UInt32 = 2
        if snd_pcm_hw_params_test_channels(pcm, params, 2) != 0 {
            guard snd_pcm_hw_params_test_channels(pcm, params, 1) == 0 else {
                throw .unsupportedFormat(device: device, reason: "neither mono nor stereo")
            }
            channels = 1
        }
        try check(snd_pcm_hw_params_set_channels(pcm, params, channels), "snd_pcm_hw_params_set_channels", device)
        var rate = UInt32(request.sampleRate)
        var dir: Int32 = 0
        try check(snd_pcm_hw_params_set_rate_near(pcm, params, &rate, &dir), "snd_pcm_hw_params_set_rate_near", device)
        var period = snd_pcm_uframes_t(request.periodFrames)
        try check(snd_pcm_hw_params_set_period_size_near(pcm, params, &period, &dir), "snd_pcm_hw_params_set_period_size_near", device)
        var buffer = snd_pcm_uframes_t(request.periodFrames * request.periods)
        try check(snd_pcm_hw_params_set_buffer_size_near(pcm, params, &buffer), "snd_pcm_hw_params_set_buffer_size_near", device)
        try check(snd_pcm_hw_params(pcm, params), "snd_pcm_hw_params", device)
        // Read back what the device actually granted.
        try check(snd_pcm_hw_params_get_rate(params, &rate, &dir), "snd_pcm_hw_params_get_rate", device)
        try check(snd_pcm_hw_params_get_channels(params, &channels), "snd_pcm_hw_params_get_channels", device)
        try check(snd_pcm_hw_params_get_period_size(params, &period, &dir), "snd_pcm_hw_params_get_period_size", device)
        try check(snd_pcm_hw_params_get_buffer_size(params, &buffer), "snd_pcm_hw_params_get_buffer_size", device)
        guard (8000...192_000).contains(Int(rate)), period > 0 else {
            throw .unsupportedFormat(device: device, reason: "granted \(rate) Hz, period \(period)")
        }
        return (format, Int(rate), Int(channels), Int(period), Int(buffer))
    }

    /// The outcome of one read.
    public enum ReadResult: Equatable {
        /// `frames` stereo frames were converted into the output.
        case frames(Int)
        /// Nothing arrived within the wait timeout.
        case timeout
        /// An overrun or suspend was recovered; no data this time.
        case recovered(code: Int32)
        /// The device failed for good (unplugged, server gone); reopen to continue.
        case failed(AudioInputError)
    }

    /// Waits up to `timeoutMs` for a period, reads it, and converts it to interleaved stereo float in `out`
    /// (which must hold `2·periodFrames`). Overruns and suspends are recovered with `snd_pcm_recover`.
    public func readPeriod(into out: UnsafeMutableBufferPointer<Float>, timeoutMs: Int32) -> ReadResult {
        let w = snd_pcm_wait(handle, timeoutMs)
        if w == 0 { return .timeout }
        if w < 0 { return recover(w, call: "snd_pcm_wait") }
        let n = raw.withUnsafeMutableBytes { snd_pcm_readi(handle, $0.baseAddress, snd_pcm_uframes_t(periodFrames)) }
        if n < 0 { return recover(Int32(n), call: "snd_pcm_readi") }
        let frames = min(Int(n), out.count / 2)
        convert(frames: frames, into: out)
        return .frames(frames)
    }

    /// Stops the stream and drops pending frames (`snd_pcm_drop`); the next read then fails with
    /// -EBADFD the way a vanished device does. Used to test loss handling with a real PCM.
    func dropStream() {
        _ = snd_pcm_drop(handle)
    }

    private func recover(_ code: Int32, call: String) -> ReadResult {
        if code == -EPIPE || code == -ESTRPIPE || code == -EINTR {
            let r = snd_pcm_recover(handle, code, 1)
            if r >= 0 { return .recovered(code: code) }
            return .failed(.alsa(device: device, call: "snd_pcm_recover", code: r, reason: String(cString: snd_strerror(r))))
        }
        return .failed(.alsa(device: device, call: call, code: code, reason: String(cString: snd_strerror(code))))
    }

    private func convert(frames: Int, into out: UnsafeMutableBufferPointer<Float>) {
        let c = channels
        raw.withUnsafeBytes { bytes in
            switch format {
            case .float32:
                let s = bytes.bindMemory(to: Float.self)
                for i in 0..<frames {
                    out[2 * i] = s[i * c]
                    out[2 * i + 1] = c > 1 ? s[i * c + 1] : s[i * c]
                }
            case .s16:
                let s = bytes.bindMemory(to: Int16.self)
                for i in 0..<frames {
                    out[2 * i] = Float(s[i * c]) / 32768
                    out[2 * i + 1] = Float(c > 1 ? s[i * c + 1] : s[i * c]) / 32768
                }
            }
        }
    }
}
