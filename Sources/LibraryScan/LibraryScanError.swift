/// Everything that stops a scan or a merge as a whole; one preset's problems are verdicts, not errors.
public enum LibraryScanError: Error, CustomStringConvertible, Equatable {
    case noLibrary(path: String)
    case badLibraryManifest(path: String, reason: String)
    case emptyLibrary(path: String)
    case badOption(String)
    case io(path: String, message: String)
    case badScanFile(path: String, reason: String)
    case outputInUse(path: String)
    case resumeMismatch(path: String, what: String)
    case workerStart(message: String)
    case mergeMismatch(path: String, what: String)

    public var description: String {
        switch self {
        case .noLibrary(let path): "\(path): no such folder or library manifest"
        case .badLibraryManifest(let path, let reason): "\(path): not a library manifest: \(reason)"
        case .emptyLibrary(let path): "\(path): no .milk presets to scan"
        case .badOption(let message): message
        case .io(let path, let message): "\(path): \(message)"
        case .badScanFile(let path, let reason): "\(path): \(reason)"
        case .outputInUse(let path): "\(path): already holds a scan; pass --resume to finish it, or choose another --out"
        case .resumeMismatch(let path, let what): "\(path): cannot resume: the scan there was made with \(what)"
        case .workerStart(let message): "cannot start a scan worker: \(message)"
        case .mergeMismatch(let path, let what): "\(path): cannot merge: \(what)"
        }
    }
}
