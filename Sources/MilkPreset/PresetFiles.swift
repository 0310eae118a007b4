import Foundation

/// Finding preset files on disk.
public enum PresetFiles {
    /// Whether `url` names a `.milk` file (extension compared case-insensitively).
    public static func isPreset(_ url: URL) -> Bool { url.pathExtension.lowercased() == "milk" }

    /// The `.milk` files under `directory`, at any depth, sorted by path; hidden files and folders are skipped.
    public static func presets(under directory: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let enumerator = FileManager.default.enumerator(atPath: directory.path)
        else { throw MilkPresetError.unlistable(directory: directory.path, reason: "not a readable folder") }
        var found: [URL] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.utf8.count > 5, relative.lowercased().hasSuffix(".milk"),
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            let url = directory.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(url)
            }
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
