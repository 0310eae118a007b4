import Determinism
import Foundation
import GraphicsCore
import MilkPreset

/// A user texture a preset's shader asked for, decoded and ready to upload, or the neutral stand-in.
public struct ResolvedTexture: Sendable, Equatable {
    /// The sampler's name in the shader, e.g. `sampler_fw_clouds` or `sampler_rand03_smalltiled`.
    public var sampler: String
    /// The decoded picture (the 1×1 neutral grey when nothing was found).
    public var image: RGBAImage
    /// The file the picture came from; nil for the neutral stand-in.
    public var path: String?
    /// One line for the log when the texture could not be found or decoded.
    public var warning: String?
    /// Bilinear filtering (`fw_`/`fc_`, the default) rather than nearest (`pw_`/`pc_`).
    public var bilinear: Bool
    /// Repeat wrapping (`fw_`/`pw_`, the default) rather than clamping (`fc_`/`pc_`).
    public var wrap: Bool

    /// Whether this is the neutral stand-in for a texture that could not be loaded.
    public var isNeutral: Bool { path == nil }
}

/// Finds and decodes the image files a preset's shaders name, the way MilkDrop 2 resolves `sampler_NAME`.
///
/// Pure lookup and decoding, no GL: it can run on a preparation thread. Rules (MilkDrop's `CacheParams`):
/// - `sampler_` is removed, then any two-character `XY_` prefix (`fw_ fc_ pw_ pc_` and reverses choose filtering and
///   wrapping, anything else is dropped the same way); the rest names a file `NAME.ext`, extensions tried in
///   MilkDrop's order (`jpg dds png tga bmp dib`, then `jpeg`), names compared case-insensitively.
/// - The preset's own folder is searched first, then the configured folders in order. (MilkDrop looks in its one
///   `textures` folder before the preset folder; beside-the-preset first lets a pack override a shared texture.)
///   A name found in none of them is looked for last in the preset folder's sibling folders (the library's other
///   packs), in name order.
/// - `randNN` / `randNN_prefix` (NN 00…15) pick a random image from the configured folders (the preset folder when
///   none is configured) whose name starts with the prefix (case-insensitive). The pick depends only on the seed,
///   NN and the candidates, so it is the same for every request of that NN within one preset (MilkDrop re-draws per
///   shader) and the same on every run with the same seed (MilkDrop uses `rand()`).
/// - Nothing found, or a file that does not decode: the neutral 1×1 grey (0.5, 0.5, 0.5, 1) and one warning line
///   naming the preset and the texture, never an error — grey keeps both `ret *= tex` and `ret += tex` visible.
public struct UserTextureLibrary: Sendable {
    /// One folder's image files: (name as on disk, lower-cased name).
    struct Listing: Sendable {
        var folder: String
        var files: [(name: String, lower: String)]
    }

    /// The preset file the textures are for, if any (its folder is searched first).
    public let presetPath: String?
    /// Extra folders, searched after the preset's folder.
    public let folders: [String]
    /// Fixes `randNN` picks.
    public let seed: UInt64
    let presetListing: Listing?
    let folderListings: [Listing]

    /// The stand-in for a texture that cannot be loaded: one mid-grey opaque pixel.
    public static let neutralImage = RGBAImage(width: 1, height: 1, red: 128, green: 128, blue: 128)

    /// File extensions tried, in order: MilkDrop's list, then `jpeg`.
    public static let extensions = TextureReference.imageExtensions + ["jpeg"]

    /// Lists the preset's folder and `folders` once; missing folders are skipped.
    public init(presetPath: String?, folders: [String], seed: UInt64) {
        self.presetPath = presetPath
        self.folders = folders
        self.seed = seed
        presetListing = presetPath.map { Self.list(URL(fileURLWithPath: $0).deletingLastPathComponent().path) }
        folderListings = folders.map(Self.list)
    }

    /// The folders in `value` (the `AIVJ_TEXTURE_PATH` form: colon-separated, empty parts ignored).
    public static func folders(fromSearchPath value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The texture for sampler `name`: decoded from its file, or the neutral stand-in with a warning.
    public func image(forSampler name: String) -> ResolvedTexture {
        let (bilinear, wrap) = Self.filterAndWrap(name)
        var resolved = ResolvedTexture(sampler: name, image: Self.neutralImage, path: nil, warning: nil,
                                       bilinear: bilinear, wrap: wrap)
        guard let reference = TextureReference(sampler: name) else {
            resolved.warning = "\(presetName): \(name) is not a user texture; using neutral grey"
            return resolved
        }
        var candidates = files(for: reference)
        if candidates.isEmpty, reference.randomSlot == nil {
            candidates = Self.files(named: reference.name, in: librarySiblingListings())
        }
        var failures: [String] = []
        for path in candidates {
            do {
                resolved.image = try ImageFile.read(path)
                resolved.path = path
                return resolved
            } catch {
                failures.append("\(error)")
            }
        }
        let what = reference.randomSlot.map { String(format: "random texture rand%02d", $0) + (reference.name.isEmpty ? "" : " with prefix '\(reference.name)'") }
            ?? "texture '\(reference.name)'"
        if failures.isEmpty {
            let places = (folders.isEmpty ? "beside the preset" : "beside the preset or in \(folders.count) texture folder\(folders.count == 1 ? "" : "s")")
                + (presetPath == nil ? "" : " or in the library's other folders")
            resolved.warning = "\(presetName): \(what) (\(name)) not found \(places); using neutral grey"
        } else {
            resolved.warning = "\(presetName): \(what) (\(name)) could not be decoded (\(failures.joined(separator: "; "))); using neutral grey"
        }
        return resolved
    }

    /// The files that may hold `reference`, best first: for a name every extension match in search order, for a random
    /// pick the one chosen file.
    func files(for reference: TextureReference) -> [String] {
        if let slot = reference.randomSlot { return randomPick(slot: slot, prefix: reference.name).map { [$0] } ?? [] }
        return Self.files(named: reference.name, in: [presetListing].compactMap { $0 } + folderListings)
    }

    /// Every file of `listings` named `name` with one of `extensions`, in listing then extension order.
    static func files(named name: String, in listings: [Listing]) -> [String] {
        let root = name.lowercased()
        var paths: [String] = []
        for listing in listings {
            for ext in extensions {
                for file in listing.files where file.lower == root + "." + ext {
                    paths.append(listing.folder + "/" + file.name)
                }
            }
        }
        return paths
    }

    /// The most sibling folders `librarySiblingListings` reads.
    static let siblingLimit = 64

    /// The last place a named texture is looked for: the other folders beside the preset's folder (a library kept
    /// as one folder per pack, as Debian's `presets_*`, often ships a texture in one pack that presets of another
    /// read — MilkDrop's stock `clouds` and `seaweed` are in `presets_tryptonaut`). Listed only when a texture is
    /// not found before, in name order so the choice is the same on every machine.
    func librarySiblingListings() -> [Listing] {
        guard let presetPath else { return [] }
        let folder = URL(fileURLWithPath: presetPath).deletingLastPathComponent()
        let parent = folder.deletingLastPathComponent()
        // Hidden folders are skipped, and at most `siblingLimit` are read: a preset kept loose in a large folder
        // (a home, /tmp) must not make every missing texture read hundreds of directories.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted().prefix(Self.siblingLimit)
        return names.compactMap { name in
            let sibling = parent.appendingPathComponent(name)
            guard sibling.standardizedFileURL.path != folder.standardizedFileURL.path,
                  !folders.contains(sibling.path) else { return nil }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sibling.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
            let listing = Self.list(sibling.path)
            return listing.files.isEmpty ? nil : listing
        }
    }

    /// The file `randNN_prefix` picks: an index drawn from (seed, NN) into the sorted candidates.
    func randomPick(slot: Int, prefix: String) -> String? {
        let lowerPrefix = prefix.lowercased()
        let pool = folderListings.isEmpty ? [presetListing].compactMap { $0 } : folderListings
        let candidates = pool.flatMap { listing in
            listing.files.filter { $0.lower.hasPrefix(lowerPrefix) }.map { listing.folder + "/" + $0.name }
        }
        guard !candidates.isEmpty else { return nil }
        var random = SeededRandom(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(slot + 1)))
        return candidates[Int(random.next() % UInt64(candidates.count))]
    }

    /// MilkDrop's filtering and wrapping for a sampler's `XY_` prefix: (bilinear, wrap), both true by default.
    static func filterAndWrap(_ sampler: String) -> (Bool, Bool) {
        let root = sampler.hasPrefix("sampler_") ? sampler.dropFirst(8) : Substring(sampler)
        guard root.count > 3, root.dropFirst(2).first == "_" else { return (true, true) }
        switch root.prefix(2).uppercased() {
        case "FW", "WF": return (true, true)
        case "FC", "CF": return (true, false)
        case "PW", "WP": return (false, true)
        case "PC", "CP": return (false, false)
        default: return (true, true)
        }
    }

    var presetName: String {
        presetPath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "preset"
    }

    /// The image files of `folder`, sorted by lower-cased name; an unreadable folder lists nothing.
    static func list(_ folder: String) -> Listing {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = names.map { (name: $0, lower: $0.lowercased()) }
            .filter { file in extensions.contains { file.lower.hasSuffix("." + $0) } }
            .sorted { ($0.lower, $0.name) < ($1.lower, $1.name) }
        let trimmed = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        return Listing(folder: trimmed, files: files)
    }
}
