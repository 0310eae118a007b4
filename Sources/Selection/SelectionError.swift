/// Why a pack, one of its pairs, or a run manifest was refused; each case names the file and the problem in one line.
public enum SelectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A JSON file is missing, unreadable or not valid JSON, or its top level has the wrong shape.
    case unreadableFile(file: String, reason: String)
    /// A file's `format`/`formatVersion` is not the one this reader knows.
    case wrongFormat(file: String, found: String, expected: String)
    /// One item of a list could not be decoded (wrong types, missing fields); the item is skipped.
    case malformedItem(file: String, index: Int, reason: String)
    /// Two items share an id; the later one is skipped.
    case duplicateID(file: String, id: String)
    /// A number is NaN or infinite.
    case nonFinite(file: String, id: String, field: String)
    /// A number is outside the range its field allows.
    case outOfRange(file: String, id: String, field: String, value: Double, range: String)
    /// A preset path leaves the pack folder and the library root (after resolving `..` and symlinks).
    case pathEscapesRoot(file: String, id: String, path: String)
    /// A preset path names no file under the pack folder or the library root.
    case presetMissing(file: String, id: String, path: String)
    /// A referenced preset exists but does not read as a preset.
    case presetUnreadable(file: String, id: String, path: String, reason: String)
    /// A pick log could not be written.
    case logUnwritable(file: String, reason: String)
    /// `aivj pairs build` cannot make a pack from this library (too few usable presets, no pairs).
    case buildImpossible(source: String, reason: String)
    /// `aivj pairs score` produced a (near-)constant score, which is a bug in the measurements, not a result.
    case degenerateScores(file: String, std: Double, count: Int)
    /// A pack or quality file could not be written.
    case unwritableFile(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableFile(file, reason): "\(file): \(reason)"
        case let .wrongFormat(file, found, expected): "\(file): format \(found), expected \(expected)"
        case let .malformedItem(file, index, reason): "\(file): item \(index) skipped: \(reason)"
        case let .duplicateID(file, id): "\(file): pair \(id) skipped: duplicate id"
        case let .nonFinite(file, id, field): "\(file): pair \(id) skipped: \(field) is not a finite number"
        case let .outOfRange(file, id, field, value, range): "\(file): pair \(id) skipped: \(field) = \(value) is outside \(range)"
        case let .pathEscapesRoot(file, id, path): "\(file): pair \(id) skipped: preset path \(path) leaves the pack and library root"
        case let .presetMissing(file, id, path): "\(file): pair \(id) skipped: preset \(path) not found"
        case let .presetUnreadable(file, id, path, reason): "\(file): pair \(id) skipped: preset \(path) does not read (\(reason))"
        case let .logUnwritable(file, reason): "\(file): cannot append pick log (\(reason))"
        case let .buildImpossible(source, reason): "\(source): cannot build a pack: \(reason)"
        case let .degenerateScores(file, std, count):
            "\(file): not written: the \(count) scores are (nearly) constant (std \(std) < \(PairScorer.minimumStd)); check the scan's measurements"
        case let .unwritableFile(file, reason): "\(file): cannot write (\(reason))"
        }
    }
}
