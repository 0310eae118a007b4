import Foundation
import ScanFormat

/// The files of a scan folder and the crash repair done before a scan resumes.
///
/// Commit order for one preset: its images (each temp + fsync + rename, by the worker), then its lines in
/// `frames-index.jsonl` (one append + fsync), then its entry in `scan-journal.jsonl` (one append + fsync).
/// The journal line is the commit point: on resume, index lines of presets without a journal entry are dropped,
/// torn last lines are cut, and leftover temporary files are removed, so a redone preset appears exactly once.
public struct ScanFolder: Sendable {
    public let path: String

    public init(_ path: String) { self.path = path }

    public var state: String { path + "/scan-state.json" }
    public var journal: String { path + "/scan-journal.jsonl" }
    public var index: String { path + "/frames-index.jsonl" }
    public var manifest: String { path + "/run-manifest.json" }
    public var report: String { path + "/scan-report.html" }
    public var frames: String { path + "/frames" }

    /// Reads `scan-state.json`, or nil when there is none.
    public func readState() throws(LibraryScanError) -> ScanState? {
        guard let data = FileManager.default.contents(atPath: state) else { return nil }
        do { return try ScanJSON.decode(ScanState.self, from: data) } catch {
            throw .badScanFile(path: state, reason: ScanJSON.describe(error))
        }
    }

    /// The journal's entries, first entry per path kept, after cutting a torn last line.
    public func repairJournal() throws(LibraryScanError) -> [String: RunManifestEntry] {
        let data = try AppendLog.repair(path: journal)
        let entries: [RunManifestEntry]
        do { entries = try ScanJSON.lines(RunManifestEntry.self, from: data) } catch {
            throw .badScanFile(path: journal, reason: "\(error)")
        }
        var done: [String: RunManifestEntry] = [:]
        for entry in entries where done[entry.path] == nil { done[entry.path] = entry }
        return done
    }

    /// The index lines of committed presets, each (preset, frame) once; rewrites the file when anything was dropped.
    public func repairIndex(committed: Set<String>) throws(LibraryScanError) -> [FramesIndexLine] {
        let data = try AppendLog.repair(path: index)
        let lines: [FramesIndexLine]
        do { lines = try ScanJSON.lines(FramesIndexLine.self, from: data) } catch {
            throw .badScanFile(path: index, reason: "\(error)")
        }
        var seen: Set<String> = []
        let kept = lines.filter { line in
            committed.contains(line.preset) && seen.insert(line.preset + "\u{0}\(line.frame)").inserted
        }
        if kept.count != lines.count { try writeIndex(kept) }
        return kept
    }

    /// Replaces `frames-index.jsonl` atomically.
    public func writeIndex(_ lines: [FramesIndexLine]) throws(LibraryScanError) {
        var text = ""
        do { for line in lines { text += try ScanJSON.line(line) + "\n" } } catch {
            throw .io(path: index, message: "cannot encode: \(error)")
        }
        try DurableFile.write(Data(text.utf8), to: index)
    }

    /// Removes temporary files under `frames/`.
    public func sweepTemporaries() {
        for file in imageFiles(includingTemporaries: true) where file.contains(DurableFile.temporaryMarker) {
            try? FileManager.default.removeItem(atPath: path + "/" + file)
        }
    }

    /// Files under `frames/`, relative to the scan folder.
    public func imageFiles(includingTemporaries: Bool = false) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: frames) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = frames + "/" + relative
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if !includingTemporaries, relative.contains(DurableFile.temporaryMarker) { continue }
            files.append("frames/" + relative)
        }
        return files.sorted()
    }

    /// Deletes images no index line names (frames of attempts that never committed).
    public func removeUnindexedImages(_ lines: [FramesIndexLine]) {
        let named = Set(lines.map(\.file))
        for file in imageFiles(includingTemporaries: true) where !named.contains(file) {
            try? FileManager.default.removeItem(atPath: path + "/" + file)
        }
    }
}
