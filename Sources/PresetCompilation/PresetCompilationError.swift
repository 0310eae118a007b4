import Foundation

/// Errors of preset-level tools (checking, benchmarking).
public enum PresetCompilationError: Error, Sendable, CustomStringConvertible {
    /// A path given to a tool does not exist.
    case missingPath(String)
    /// A folder holds no presets usable for the task.
    case noPresets(String)

    public var description: String {
        switch self {
        case .missingPath(let p): return "\(p): no such file or folder"
        case .noPresets(let p): return "\(p): no .milk presets with the code this needs"
        }
    }
}

/// Finds `.milk` files (extension case-insensitive) under files and folders, sorted by path.
enum PresetFileWalker {
    static func presets(in paths: [URL]) throws -> [URL] {
        var result: [URL] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw PresetCompilationError.missingPath(path.path)
            }
            if !isDirectory.boolValue { result.append(path); continue }
            guard let e = fm.enumerator(at: path, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let url as URL in e where url.pathExtension.lowercased() == "milk" { result.append(url) }
        }
        return result.sorted { $0.path < $1.path }
    }
}
