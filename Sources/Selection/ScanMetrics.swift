import Foundation

/// One preset's measurements from a scan, read leniently from `run-manifest.json`.
public struct PresetMeasure: Sendable, Equatable {
    /// `ok` is the only status that makes a preset usable; any other status (`failed`, or a new one a later
    /// scan writes, such as `timeout`) counts as failed.
    public var failed: Bool
    /// `strict`, `dark`, or nil (absent or a tier this reader does not know).
    public var tier: String?
    public var avgLuma: Double?
    public var motion: Double?
    /// Share of the frame's pixels that are lit (the scan's `coverage`, 0…1), when the scan measured it.
    public var coverage: Double?

    public init(failed: Bool, tier: String? = nil, avgLuma: Double? = nil, motion: Double? = nil, coverage: Double? = nil) {
        self.failed = failed; self.tier = tier; self.avgLuma = avgLuma; self.motion = motion; self.coverage = coverage
    }
}

/// The per-preset measurements of a scan, keyed by path relative to the library root.
///
/// Read leniently, because the scan (issue 7) extends its run manifest: only `path`, `status`, `tier`, `avgLuma`,
/// `motion` and `coverage` are read, unknown fields and any `formatVersion` are accepted, a number that is not finite is
/// treated as absent, and an entry without a `path` or `status` is skipped and counted.
public struct ScanMetrics: Sendable, Equatable {
    public var byPath: [String: PresetMeasure]
    /// Entries that could not be read (no path or status).
    public var skippedEntries: Int

    public init(byPath: [String: PresetMeasure], skippedEntries: Int = 0) {
        self.byPath = byPath
        self.skippedEntries = skippedEntries
    }

    public subscript(path: String) -> PresetMeasure? { byPath[path] }

    /// Reads `run-manifest.json` (the file itself, or a scan folder holding it).
    public static func load(_ path: String) throws(SelectionError) -> ScanMetrics {
        var isDirectory: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? path + "/run-manifest.json" : path
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw .unreadableFile(file: file, reason: FileManager.default.fileExists(atPath: file) ? "cannot read file" : "file not found")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw .unreadableFile(file: file, reason: "malformed JSON")
        }
        guard let top = object as? [String: Any], let presets = top["presets"] as? [Any] else {
            throw .unreadableFile(file: file, reason: "no \"presets\" list: not a run manifest")
        }
        if let format = top["format"] as? String, format != "aivj-run-manifest" {
            throw .wrongFormat(file: file, found: format, expected: "aivj-run-manifest")
        }
        return ScanMetrics(entries: presets)
    }

    /// Measurements from the decoded `presets` list of a run manifest.
    init(entries: [Any]) {
        byPath = [:]
        skippedEntries = 0
        func number(_ v: Any?) -> Double? {
            guard let n = v as? NSNumber, !(v is Bool) else { return nil }
            let d = n.doubleValue
            return d.isFinite ? d : nil
        }
        for case let item in entries {
            guard let e = item as? [String: Any], let path = e["path"] as? String, let status = e["status"] as? String else {
                skippedEntries += 1
                continue
            }
            let tier = (e["tier"] as? String).flatMap { ["strict", "dark"].contains($0) ? $0 : nil }
            byPath[path] = PresetMeasure(failed: status != "ok", tier: tier, avgLuma: number(e["avgLuma"]), motion: number(e["motion"]),
                                         coverage: number(e["coverage"]))
        }
    }
}

extension ScanMetrics: PresetWeighting {
    /// Weight of a `dark` (Tier 2) preset, as `RunManifest`'s.
    public static let darkWeight = 0.4

    /// Failed → 0 (excluded), `dark` → 0.4, otherwise or not listed → 1.
    public func weight(forPreset path: String) -> Double {
        guard let m = byPath[path] else { return 1 }
        if m.failed { return 0 }
        return m.tier == "dark" ? Self.darkWeight : 1
    }
}
