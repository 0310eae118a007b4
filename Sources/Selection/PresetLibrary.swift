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

    /// A folder (indexed now, as `aivj library index` does) or a library manifest, whose paths are relative to
    /// `root` (default: the manifest's own folder, where a library keeps it). A manifest none of whose first
    /// presets lie under the root is refused, so a misplaced manifest is not mistaken for an empty library.
    public static func load(_ path: String, root: String? = nil) throws(SelectionError) -> PresetLibrary {
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
        let base = root.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? url.deletingLastPathComponent().path
        let sample = manifest.presets.prefix(20)
        guard sample.isEmpty || sample.contains(where: { FileManager.default.fileExists(atPath: base + "/" + $0.path) }) else {
            throw .unreadableFile(file: path, reason: "its presets are not under \(base); give the library folder with --library")
        }
        return PresetLibrary(root: base, source: path, entries: manifest.presets, unreadable: manifest.failedCount)
    }
}
