import Foundation
import MilkPreset
import ScanFormat

/// A loaded pack: the pairs that passed every check, and one problem per item that did not.
public struct Pack: Sendable {
    public var directory: String
    public var manifest: PairsManifest?
    public var quality: PairsQuality?
    public var pairs: [Pair]
    public var problems: [SelectionError]

    /// Mean effective quality over the usable pairs (unscored count as neutral).
    public var meanQuality: Double {
        let usable = pairs.filter(\.isUsable)
        return usable.isEmpty ? 0 : usable.reduce(0) { $0 + $1.effectiveQuality } / Double(usable.count)
    }
}

/// Reads a pack folder, checks every item, and merges quality and run-manifest weights into the pairs.
///
/// Never throws: a bad file or item becomes one `SelectionError` in `Pack.problems` and is skipped.
/// A missing quality file or a pair without a score leaves the pair neutral and is not a problem.
public struct PackLoader: Sendable {
    /// Overrides the manifest's `libraryRoot` (relative to the current folder or absolute).
    public var libraryRoot: String?
    public var weighting: any PresetWeighting
    /// Parse every referenced preset (as `aivj pairs check` does) rather than only checking that it exists.
    public var parsePresets: Bool

    public init(libraryRoot: String? = nil, weighting: any PresetWeighting = NeutralWeighting(), parsePresets: Bool = true) {
        self.libraryRoot = libraryRoot
        self.weighting = weighting
        self.parsePresets = parsePresets
    }

    public func load(_ directory: String) -> Pack {
        let manifestPath = directory + "/" + PairsManifest.fileName
        var pack = Pack(directory: directory, manifest: nil, quality: nil, pairs: [], problems: [])
        let manifest: PairsManifest
        do {
            manifest = try Self.read(PairsManifest.self, at: manifestPath, format: PairsManifest.formatName)
        } catch {
            pack.problems.append(error)
            return pack
        }
        pack.manifest = manifest
        let library = libraryRoot ?? manifest.libraryRoot.map { $0.hasPrefix("/") ? $0 : directory + "/" + $0 }
        guard let roots = PackRoots(pack: directory, library: library) else {
            pack.problems.append(.unreadableFile(file: directory, reason: "pack folder not found"))
            return pack
        }
        if let library, roots.library == nil {
            pack.problems.append(.unreadableFile(file: library, reason: "library root not found; presets are looked for in the pack only"))
        }
        for item in manifest.skipped {
            pack.problems.append(.malformedItem(file: manifestPath, index: Int(item.position) ?? -1, reason: item.reason))
        }
        var seen = Set<String>()
        for entry in manifest.pairs {
            do throws(SelectionError) {
                guard seen.insert(entry.id).inserted else { throw .duplicateID(file: manifestPath, id: entry.id) }
                pack.pairs.append(try check(entry, roots: roots, file: manifestPath))
            } catch {
                pack.problems.append(error)
            }
        }
        mergeQuality(into: &pack)
        Pair.normaliseStrengths(&pack.pairs)
        return pack
    }

    /// The manifest entry as a pair, or the first problem with it.
    private func check(_ e: PairEntry, roots: PackRoots, file: String) throws(SelectionError) -> Pair {
        for (field, v) in [("warp_diff", e.warpDiff), ("cx_diff", e.cxDiff)] {
            guard v.isFinite else { throw .nonFinite(file: file, id: e.id, field: field) }
            guard v >= 0 else { throw .outOfRange(file: file, id: e.id, field: field, value: v, range: "[0, ∞)") }
        }
        var files: [String] = []
        for path in [e.fg, e.bg] {
            switch roots.resolve(path) {
            case .escapes: throw .pathEscapesRoot(file: file, id: e.id, path: path)
            case .missing: throw .presetMissing(file: file, id: e.id, path: path)
            case let .inside(real):
                if parsePresets {
                    do { _ = try Preset(contentsOf: URL(fileURLWithPath: real)) } catch {
                        throw .presetUnreadable(file: file, id: e.id, path: path, reason: "\(error)")
                    }
                }
                files.append(real)
            }
        }
        let weight = weighting.weight(forPreset: e.fg) * weighting.weight(forPreset: e.bg)
        return Pair(id: e.id, fg: e.fg, bg: e.bg, fgFile: files[0], bgFile: files[1],
                    warpDiff: e.warpDiff, cxDiff: e.cxDiff, presetWeight: weight.isFinite ? max(0, weight) : 0)
    }

    /// Puts each valid score on its pair; bad scores are problems and leave the pair neutral.
    private func mergeQuality(into pack: inout Pack) {
        let path = pack.directory + "/" + PairsQuality.fileName
        guard FileManager.default.fileExists(atPath: path) else { return }
        let quality: PairsQuality
        do {
            quality = try Self.read(PairsQuality.self, at: path, format: PairsQuality.formatName)
        } catch {
            pack.problems.append(error)
            return
        }
        pack.quality = quality
        for item in quality.skipped {
            pack.problems.append(.malformedItem(file: path, index: -1, reason: "quality of \(item.position): \(item.reason)"))
        }
        for i in pack.pairs.indices {
            guard let q = quality.quality[pack.pairs[i].id] else { continue }
            if !q.isFinite {
                pack.problems.append(.nonFinite(file: path, id: pack.pairs[i].id, field: "quality01"))
            } else if !(0...1).contains(q) {
                pack.problems.append(.outOfRange(file: path, id: pack.pairs[i].id, field: "quality01", value: q, range: "[0, 1]"))
            } else {
                pack.pairs[i].quality01 = q
            }
        }
    }

    /// The manifest of the pack in `directory` (items that do not decode are in `skipped`).
    public static func readManifest(in directory: String) throws(SelectionError) -> PairsManifest {
        try read(PairsManifest.self, at: directory + "/" + PairsManifest.fileName, format: PairsManifest.formatName)
    }

    /// Decodes a JSON file and checks its `format` and `formatVersion` (0).
    static func read<T: Decodable & FormatTagged>(_ type: T.Type, at path: String, format: String) throws(SelectionError) -> T {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(file: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot read file" : "file not found")
        }
        let value: T
        do { value = try JSONFiles.decoder().decode(T.self, from: data) } catch {
            throw .unreadableFile(file: path, reason: JSONFiles.describe(error))
        }
        guard value.format == format, value.formatVersion == 0 else {
            throw .wrongFormat(file: path, found: "\(value.format) v\(value.formatVersion)", expected: "\(format) v0")
        }
        return value
    }
}

/// A file that names its format and version.
protocol FormatTagged {
    var format: String { get }
    var formatVersion: Int { get }
}

extension PairsManifest: FormatTagged {}
extension PairsQuality: FormatTagged {}
extension RunManifest: FormatTagged {}

extension RunManifest {
    /// Reads a (provisional) run manifest.
    public static func load(_ path: String) throws(SelectionError) -> RunManifest {
        try PackLoader.read(RunManifest.self, at: path, format: formatName)
    }
}
