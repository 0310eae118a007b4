/// Every way opening or reading audio can fail; each case names the file or device and the problem.
public enum AudioInputError: Error, CustomStringConvertible, Equatable {
    /// libsndfile could not open or decode a file.
    case fileUnreadable(path: String, reason: String)
    /// libsndfile could not create or write a file.
    case fileUnwritable(path: String, reason: String)
    /// An ALSA call failed; `call` names it, `code` is the negative errno it returned.
    case alsa(device: String, call: String, code: Int32, reason: String)
    /// The device exists but is held by another program.
    case deviceBusy(device: String)
    /// No PCM of that name exists.
    case deviceMissing(device: String, reason: String)
    /// The device refuses every format/rate/channel combination we can use.
    case unsupportedFormat(device: String, reason: String)
    /// An ALSA configuration text could not be parsed.
    case badConfiguration(reason: String)
    /// A parameter is out of range.
    case invalidParameter(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case let .fileUnreadable(path, reason): return "\(path): cannot read audio: \(reason)"
        case let .fileUnwritable(path, reason): return "\(path): cannot write audio: \(reason)"
        case let .alsa(device, call, code, reason): return "ALSA device '\(device)': \(call) failed (\(code)): \(reason)"
        case let .deviceBusy(device): return "ALSA device '\(device)' is busy (another program is using it)"
        case let .deviceMissing(device, reason): return "ALSA device '\(device)' not found: \(reason) (see `aivj devices`)"
        case let .unsupportedFormat(device, reason): return "ALSA device '\(device)': no usable format: \(reason)"
        case let .badConfiguration(reason): return "ALSA configuration: \(reason)"
        case let .invalidParameter(name, value, reason): return "audio input: \(name) = \(value) is invalid: \(reason)"
        }
    }
}
