import Foundation
import ScanFormat
#if canImport(Glibc)
import Glibc
#endif

/// `aivj scan merge`: joins finished shard folders into one scan folder.
///
/// The result equals a single-machine scan of the same library: the same `frames-index.jsonl` bytes, the same
/// `frames/` files, and in `run-manifest.json` the same `presets` (but for each entry's `timing`), `parameters`,
/// `thresholds` and `summary` (but for `seconds` and `presetsPerSecond`). `made` says how the file was made and
/// differs.
public enum ScanMerge {
    public static func merge(_ inputs: [String], into output: String, version: String) throws(LibraryScanError) -> RunManifest {
        guard !inputs.isEmpty else { throw .badOption("scan merge: name at least one scan folder") }
        let folders = inputs.map { ScanFolder(URL(fileURLWithPath: $0).standardizedFileURL.path) }
        var manifests: [RunManifest] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .badScanFile(path: folder.path, reason: "no such scan folder")
            }
            manifests.append(try ScanOutputs.readManifest(folder))
        }
        let first = manifests[0]
        guard let parameters = first.parameters, let thresholds = first.thresholds, let made = first.made else {
            throw .mergeMismatch(path: folders[0].manifest, what: "it has no parameters (not written by aivj scan)")
        }
        for (folder, manifest) in zip(folders, manifests).dropFirst() {
            if manifest.parameters?.renderingKey != parameters.renderingKey {
                throw .mergeMismatch(path: folder.manifest, what: "rendered with other parameters than \(folders[0].path)")
            }
            if manifest.thresholds != thresholds {
                throw .mergeMismatch(path: folder.manifest, what: "judged with other thresholds than \(folders[0].path)")
            }
        }
        let shards = manifests.compactMap { $0.made?.shard }
        if shards.count == manifests.count, let count = shards.first?.count {
            let indices = Set(shards.map(\.index))
            guard shards.allSatisfy({ $0.count == count }), indices.count == shards.count else {
                throw .mergeMismatch(path: output, what: "the shards are not distinct parts of one split")
            }
            let missing = (0..<count).filter { !indices.contains($0) }
            if !missing.isEmpty {
                throw .mergeMismatch(path: output, what: "shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing")
            }
        }

        let target = ScanFolder(URL(fileURLWithPath: output).standardizedFileURL.path)
        if FileManager.default.fileExists(atPath: target.manifest) || FileManager.default.fileExists(atPath: target.state) {
            throw .outputInUse(path: target.path)
        }
        do { try FileManager.default.createDirectory(atPath: target.path, withIntermediateDirectories: true) } catch {
            throw .io(path: target.path, message: "cannot create the folder")
        }
        var entries: [String: RunManifestEntry] = [:]
        var lines: [FramesIndexLine] = []
        for (folder, manifest) in zip(folders, manifests) {
            for entry in manifest.presets {
                guard entries[entry.path] == nil else {
                    throw .mergeMismatch(path: folder.manifest, what: "preset '\(entry.path)' is in two inputs")
                }
                entries[entry.path] = entry
            }
            let data = FileManager.default.contents(atPath: folder.index) ?? Data()
            let own: [FramesIndexLine]
            do { own = try ScanJSON.lines(FramesIndexLine.self, from: data) } catch {
                throw .badScanFile(path: folder.index, reason: "\(error)")
            }
            for line in own {
                try place(folder.path + "/" + line.file, at: target.path + "/" + line.file)
            }
            lines += own
        }
        lines.sort(by: FramesIndexLine.canonicalOrder)
        try target.writeIndex(lines)
        let sorted = entries.values.sorted { ScanOrder.precedes($0.path, $1.path) }
        let seconds = manifests.compactMap { $0.summary?.seconds }.reduce(0, +)
        let merged = ScanProvenance(tool: "aivj scan merge", version: version, library: made.library,
                                    libraryPresets: made.libraryPresets, shard: nil, renderer: made.renderer,
                                    created: ScanOutputs.now())
        return try ScanOutputs.write(target, entries: sorted, made: merged, parameters: parameters, thresholds: thresholds,
                                     seconds: seconds, presetsPerSecond: nil)
    }

    /// Hard-links `source` to `destination` (copying when a link is impossible), replacing what is there.
    static func place(_ source: String, at destination: String) throws(LibraryScanError) {
        let folder = (destination as NSString).deletingLastPathComponent
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw .io(path: folder, message: "cannot create the folder")
        }
        unlink(destination)
        if link(source, destination) == 0 { return }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw .badScanFile(path: source, reason: "the index names this image but it is missing")
        }
        try DurableFile.write(data, to: destination)
    }
}
