import Foundation
import ScanFormat

/// Writes the finished outputs of a scan folder: the index in canonical order, the manifest, the report.
/// Idempotent, so a scan killed while finishing finishes again on `--resume`.
public enum ScanOutputs {
    /// Sorts the committed index lines, removes stray images, then writes index, manifest and report (each atomically).
    public static func write(_ folder: ScanFolder, entries: [RunManifestEntry], made: ScanProvenance,
                             parameters: ScanParameters, thresholds: ScanThresholds, seconds: Double?,
                             presetsPerSecond: Double?) throws(LibraryScanError) -> RunManifest {
        let paths = Set(entries.map(\.path))
        let lines = try folder.repairIndex(committed: paths).sorted(by: FramesIndexLine.canonicalOrder)
        try folder.writeIndex(lines)
        folder.removeUnindexedImages(lines)
        let summary = ScanSummary.make(entries: entries, frames: lines.count, thresholds: thresholds,
                                       seconds: seconds, presetsPerSecond: presetsPerSecond)
        let manifest = RunManifest(presets: entries, made: made, parameters: parameters, thresholds: thresholds,
                                   summary: summary)
        let data: Data
        do { data = try ScanJSON.pretty(manifest) } catch { throw .io(path: folder.manifest, message: "cannot encode") }
        try DurableFile.write(data, to: folder.manifest)
        try DurableFile.write(Data(ScanReport.html(manifest, lines: lines).utf8), to: folder.report)
        return manifest
    }

    /// Reads a finished scan's manifest.
    public static func readManifest(_ folder: ScanFolder) throws(LibraryScanError) -> RunManifest {
        guard let data = FileManager.default.contents(atPath: folder.manifest) else {
            throw .badScanFile(path: folder.manifest, reason: "missing (is the scan finished?)")
        }
        let manifest: RunManifest
        do { manifest = try ScanJSON.decode(RunManifest.self, from: data) } catch {
            throw .badScanFile(path: folder.manifest, reason: ScanJSON.describe(error))
        }
        guard manifest.format == RunManifest.formatName, manifest.formatVersion == 0 else {
            throw .badScanFile(path: folder.manifest, reason: "format is '\(manifest.format)' v\(manifest.formatVersion)")
        }
        return manifest
    }

    /// The current time, ISO 8601 in UTC.
    public static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
