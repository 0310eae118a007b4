import AudioInput
import Foundation
import MilkPreset
import ScanFormat
#if canImport(Glibc)
import Glibc
#endif

/// `aivj scan`: lists the library, resumes what a folder already holds, renders the rest in worker processes,
/// and writes the outputs.
public struct ScanRunner {
    public let options: ScanOptions

    public init(_ options: ScanOptions) { self.options = options }

    /// Runs the scan to the end and returns the manifest it wrote.
    public func run() throws(LibraryScanError) -> RunManifest {
        let parameters = options.parameters
        if let problem = parameters.problem { throw .badOption(problem) }
        guard options.jobs >= 1 else { throw .badOption("--jobs must be at least 1 (got \(options.jobs))") }
        do { _ = try AudioSourceFactory.make(audio: parameters.audio) } catch {
            throw .badOption("--audio: \(error)")
        }
        let library = try ScanLibrary(options.library)
        let items = options.shard.map { shard in library.items.filter { shard.contains(path: $0.path) } } ?? library.items
        let folder = ScanFolder(URL(fileURLWithPath: options.output).standardizedFileURL.path)
        try prepare(folder, library: library)

        var done = try folder.repairJournal()
        _ = try folder.repairIndex(committed: Set(done.keys))
        folder.sweepTemporaries()
        let todo = items.filter { done[$0.path] == nil }
        let alreadyDone = items.count - todo.count
        var progress = ScanProgress(mode: options.progress, total: items.count, alreadyDone: alreadyDone,
                                    interval: options.progressInterval)
        var failedCount = items.compactMap { done[$0.path] }.filter { $0.status == .failed }.count

        let index = try AppendLog(path: folder.index)
        let journal = try AppendLog(path: folder.journal)
        var renderer: String?
        var pool = WorkerPool(options: options, setup: WorkerSetup(parameters: parameters, thresholds: options.thresholds,
                                                                   outputDirectory: folder.path))
        try pool.run(todo) { (outcome: PresetOutcome, attempts: Int) throws(LibraryScanError) in
            let entry = PresetVerdict.entry(outcome, thresholds: options.thresholds, attempts: attempts)
            do {
                try index.append(try outcome.lines.map { try ScanJSON.line($0) })
                try journal.append([try ScanJSON.line(entry)])
            } catch let error as LibraryScanError {
                throw error
            } catch {
                throw .io(path: folder.journal, message: "cannot encode: \(error)")
            }
            done[entry.path] = entry
            if entry.status == .failed { failedCount += 1 }
            renderer = renderer ?? outcome.renderer
            progress.update(done: done.count, failed: failedCount)
        } tick: {
            progress.update(done: done.count, failed: failedCount)
        }
        progress.update(done: done.count, failed: failedCount, force: true)
        progress.finish()

        let seconds = progress.elapsed
        let made = ScanProvenance(tool: "aivj scan", version: options.version, library: library.source,
                                  libraryPresets: library.items.count, shard: options.shard, renderer: renderer,
                                  created: ScanOutputs.now())
        return try ScanOutputs.write(folder, entries: items.compactMap { done[$0.path] }, made: made, parameters: parameters,
                                     thresholds: options.thresholds, seconds: seconds,
                                     presetsPerSecond: seconds > 0 ? Double(todo.count) / seconds : nil)
    }

    /// Creates the folder and its state file, or checks that a resumed folder was made the same way.
    private func prepare(_ folder: ScanFolder, library: ScanLibrary) throws(LibraryScanError) {
        do { try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true) } catch {
            throw .io(path: folder.path, message: "cannot create the folder")
        }
        let state = ScanState(library: library.source, shard: options.shard, parameters: options.parameters,
                              thresholds: options.thresholds)
        if let existing = try folder.readState() {
            guard options.resume else { throw .outputInUse(path: folder.path) }
            if existing.library != state.library { throw .resumeMismatch(path: folder.path, what: "library \(existing.library)") }
            if existing.shard != state.shard {
                throw .resumeMismatch(path: folder.path, what: "shard \(existing.shard.map { "\($0.index)/\($0.count)" } ?? "none")")
            }
            if existing.parameters.renderingKey != state.parameters.renderingKey || existing.thresholds != state.thresholds {
                throw .resumeMismatch(path: folder.path, what: "other rendering parameters (see scan-state.json)")
            }
        } else {
            if FileManager.default.fileExists(atPath: folder.journal) || FileManager.default.fileExists(atPath: folder.manifest) {
                throw .outputInUse(path: folder.path)
            }
            let data: Data
            do { data = try ScanJSON.pretty(state) } catch { throw .io(path: folder.state, message: "cannot encode") }
            try DurableFile.write(data, to: folder.state)
        }
    }
}
