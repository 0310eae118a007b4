import Foundation
import MilkPreset
import ScanFormat

/// One preset to scan: its library-relative path and where the file is.
public struct ScanItem: Codable, Sendable, Equatable {
    public var path: String
    public var file: String

    public init(path: String, file: String) { self.path = path; self.file = file }
}

/// The presets of a library folder or of a `library-manifest.json`.
public struct ScanLibrary: Sendable {
    /// The folder or manifest as given, made absolute.
    public var source: String
    /// Every preset, sorted by path (UTF-8 byte order).
    public var items: [ScanItem]

    /// Lists a folder (every `.milk` file at any depth, hidden ones skipped) or reads a library manifest
    /// (its presets, relative to the manifest's folder).
    public init(_ path: String) throws(LibraryScanError) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        source = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .noLibrary(path: path)
        }
        if isDirectory.boolValue {
            let files: [URL]
            do { files = try PresetFiles.presets(under: url) } catch { throw .noLibrary(path: path) }
            let prefix = url.path.hasSuffix("/") ? url.path : url.path + "/"
            items = files.map { ScanItem(path: String($0.path.dropFirst(prefix.count)), file: $0.path) }
        } else {
            let manifest: LibraryManifest
            do {
                manifest = try JSONDecoder().decode(LibraryManifest.self, from: Data(contentsOf: url))
            } catch let error as DecodingError {
                throw .badLibraryManifest(path: path, reason: ScanJSON.describe(error))
            } catch {
                throw .badLibraryManifest(path: path, reason: "unreadable")
            }
            guard manifest.format == "aivj-library-manifest" else {
                throw .badLibraryManifest(path: path, reason: "format is '\(manifest.format)'")
            }
            let root = url.deletingLastPathComponent()
            items = manifest.presets.map { ScanItem(path: $0.path, file: root.appendingPathComponent($0.path).path) }
        }
        items.sort { ScanOrder.precedes($0.path, $1.path) }
        guard !items.isEmpty else { throw .emptyLibrary(path: path) }
    }
}
