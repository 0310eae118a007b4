import Foundation
import MilkPreset

/// The presets a pack is built from: a library folder's index entries and the folder they are relative to.
public struct PresetLibrary: Sendable {
    /// Absolute path of the folder the entries' paths are relative to.
    public var root: String
    /// What was given: the folder or the `library-manifest.json`.
    public var source: String
    public var entries: [LibraryEntry]
    /// Files that did not read as presets (from the index).
    public var unreadable: Int

    public init(root: String, source: String, entries: [LibraryEntry], unreadable: Int = 0) {
        self.root = root; self.source = source; self.entries = entries; self.unreadable = unreadable
    }

    /// A folder (indexed now, as `aivj library index` does) or a library manifest (its folder is the root).
    public static func load(_ path: String) throws(SelectionError) -> PresetLibrary {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .unreadableFile(file: path, reason: "no such library folder or manifest")
        }
        if isDirectory.boolValue {
            do {
                let manifest = try LibraryIndexer.index(url)
                return PresetLibrary(root: url.path, source: path, entries: manifest.presets, unreadable: manifest.failedCount)
            } catch {
                throw .unreadableFile(file: path, reason: "cannot index library: \(error)")
            }
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadableFile(file: path, reason: "cannot read file") }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let manifest: LibraryManifest
        do { manifest = try decoder.decode(LibraryManifest.self, from: data) } catch {
            throw .unreadableFile(file: path, reason: "not a library manifest: \(JSONFiles.describe(error))")
        }
        guard manifest.format == "aivj-library-manifest" else {
            throw .wrongFormat(file: path, found: manifest.format, expected: "aivj-library-manifest")
        }
        return PresetLibrary(root: url.deletingLastPathComponent().path, source: path, entries: manifest.presets,
                             unreadable: manifest.failedCount)
    }
}
