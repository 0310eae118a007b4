import Foundation

/// Finding preset files on disk.
public enum PresetFiles {
    /// Whether `url` names a `.milk` file (extension compared case-insensitively).
    public static func isPreset(_ url: URL) -> Bool { url.pathExtension.lowercased() == "milk" }

    /// The `.milk` files under `directory`, at any depth, sorted by path; hidden files are skipped.
    public static func presets(under directory: URL) throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw MilkPresetError.unlistable(directory: directory.path, reason: "not a readable folder") }
        var found: [URL] = []
        for case let url as URL in enumerator where isPreset(url) {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(url) }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The preset files named by `paths`: a file is taken as it is (whatever its extension), a folder is searched
    /// for `.milk` files. Missing paths are an error.
    public static func presets(in paths: [URL]) throws -> [URL] {
        var found: [URL] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw MilkPresetError.unreadable(file: path.path, reason: "no such file or folder")
            }
            if isDirectory.boolValue { found += try presets(under: path) } else { found.append(path) }
        }
        return found
    }
}
