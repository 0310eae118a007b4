import Foundation

/// Builds a `LibraryManifest` for a folder of presets.
public enum LibraryIndexer {
    /// Indexes every `.milk` file under `directory`. The result depends only on the files' paths and contents.
    public static func index(_ directory: URL) throws -> LibraryManifest {
        let root = directory.standardizedFileURL
        let files = try PresetFiles.presets(under: root)
        var manifest = LibraryManifest()
        var listings: [String: [String]] = [:]
        for url in files {
            let path = relativePath(of: url, under: root)
            do {
                let folder = url.deletingLastPathComponent().path
                if listings[folder] == nil {
                    listings[folder] = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                }
                manifest.presets.append(try entry(url, path: path, folderFiles: listings[folder] ?? []))
            } catch {
                manifest.failures.append(LibraryFailure(path: path, reason: "\(error)"))
            }
        }
        manifest.presets.sort { $0.path < $1.path }
        manifest.failures.sort { $0.path < $1.path }
        manifest.presetCount = manifest.presets.count
        manifest.failedCount = manifest.failures.count
        return manifest
    }

    /// The manifest as JSON: pretty-printed, keys sorted, so an unchanged folder gives identical bytes.
    public static func json(_ manifest: LibraryManifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(manifest)
        data.append(0x0A)
        return data
    }

    /// One entry: reads the file once, hashes its bytes and parses them.
    static func entry(_ url: URL, path: String, folderFiles: [String]) throws -> LibraryEntry {
        let bytes = try Preset.readFile(url, naming: path)
        let name = url.deletingPathExtension().lastPathComponent
        let preset = try Preset(bytes: bytes, name: name, file: path)
        let (author, title) = authorAndTitle(name)
        let textures = preset.textureReferences.map { ref in
            let file = ref.match(in: folderFiles)
            return LibraryTexture(sampler: ref.sampler, name: ref.name, randomSlot: ref.randomSlot, found: file != nil, file: file)
        }
        var values: [String: Float] = [:]
        let wanted = Set(LibraryEntry.valueKeys)
        for field in BaseValues.fields where wanted.contains(field.key) {
            values[field.key] = MilkNumber.float(field.text(of: preset.base))
        }
        return LibraryEntry(
            id: FNV1a64.hex(of: bytes),
            path: path, bytes: bytes.count, name: name, author: author, title: title,
            milkdropVersion: preset.header.version, warpShaderModel: preset.header.warpShaderModel,
            compShaderModel: preset.header.compShaderModel, hasWarpShader: preset.hasWarpShader,
            hasCompShader: preset.hasCompShader, encoding: preset.notes.encoding, textures: textures,
            enabledWaves: preset.waves.filter(\.enabled).count, enabledShapes: preset.shapes.filter(\.enabled).count,
            perFrameLines: preset.perFrameCode.count, perPixelLines: preset.perPixelCode.count, values: values)
    }

    /// "Author - Title" split at the first " - ", both sides trimmed and non-empty; (nil, nil) otherwise.
    public static func authorAndTitle(_ name: String) -> (String?, String?) {
        guard let range = name.range(of: " - ") else { return (nil, nil) }
        let author = name[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        let title = name[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !author.isEmpty, !title.isEmpty else { return (nil, nil) }
        return (author, title)
    }

    static func relativePath(of url: URL, under root: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : url.lastPathComponent
    }
}
