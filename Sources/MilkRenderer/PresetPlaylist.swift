import Foundation

/// The presets `aivj play` steps through: a folder's `.milk` files in name order, or a file and its siblings.
public enum PresetPlaylist {
    /// The files and the index to start at; throws when there is no preset to play.
    public static func files(at path: String) throws -> (files: [String], start: Int) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw MilkRendererError.io(path: path, message: "no such file or folder")
        }
        let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        let files = names.filter { $0.lowercased().hasSuffix(".milk") }.sorted()
            .map { folder.isEmpty ? $0 : (folder as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else { throw MilkRendererError.io(path: path, message: "no .milk presets here") }
        if isFolder.boolValue { return (files, 0) }
        let start = files.firstIndex { ($0 as NSString).lastPathComponent == (path as NSString).lastPathComponent } ?? 0
        return (files, start)
    }
}
