/// What can go wrong while building, running or recording a show.
public enum LiveShowError: Error, CustomStringConvertible {
    /// A setting is out of range; `reason` says what is allowed.
    case badSetting(name: String, value: String, reason: String)
    /// A file or folder could not be read or written.
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case let .badSetting(name, value, reason):
            return "show: bad \(name) '\(value)': \(reason)"
        case let .io(path, message):
            return "\(path): \(message)"
        }
    }
}
