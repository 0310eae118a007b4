/// Why a preset file could not be read or a library could not be indexed.
public enum MilkPresetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is larger than `PresetReader.maximumFileSize`; it is refused before being read whole.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The file has no bytes (or only whitespace and NULs).
    case empty(file: String)
    /// The file looks like binary data rather than text.
    case binary(file: String)
    /// The file is text, but holds no key MilkDrop reads from a preset.
    case notAPreset(file: String)
    /// A library folder could not be listed.
    case unlistable(directory: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): "\(file): cannot read file (\(reason))"
        case let .tooLarge(file, bytes, limit): "\(file): file is \(bytes) bytes, over the \(limit)-byte limit for a preset"
        case let .empty(file): "\(file): file is empty"
        case let .binary(file): "\(file): binary data, not a MilkDrop preset"
        case let .notAPreset(file): "\(file): no MilkDrop preset keys found, not a MilkDrop preset"
        case let .unlistable(directory, reason): "\(directory): cannot list folder (\(reason))"
        }
    }
}
