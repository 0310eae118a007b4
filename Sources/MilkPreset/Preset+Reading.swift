import Foundation

extension Preset {
    /// The largest file accepted as a preset (16 MiB); the biggest real presets are a few hundred KB, and larger
    /// files are refused before they are read whole.
    public static let maximumFileSize = 16 << 20

    /// Reads the preset file at `url`; the preset is named after the file, without its extension.
    public init(contentsOf url: URL) throws {
        try self.init(bytes: Self.readFile(url), name: url.deletingPathExtension().lastPathComponent, file: url.path)
    }

    /// The bytes of the file at `url`, refusing files over `maximumFileSize` without reading them whole.
    static func readFile(_ url: URL) throws -> [UInt8] {
        let file = url.path
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw MilkPresetError.unreadable(file: file, reason: Self.reason(error))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            throw MilkPresetError.unreadable(file: file, reason: Self.reason(error))
        }
        if data.count > Self.maximumFileSize {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? data.count
            throw MilkPresetError.tooLarge(file: file, bytes: size, limit: Self.maximumFileSize)
        }
        return Array(data)
    }

    /// Reads a preset from the bytes of a `.milk` file; `name` names it and its errors.
    public init(data: Data, name: String) throws {
        if data.count > Self.maximumFileSize {
            throw MilkPresetError.tooLarge(file: name, bytes: data.count, limit: Self.maximumFileSize)
        }
        try self.init(bytes: Array(data), name: name, file: name)
    }

    /// Reads a preset from text already decoded (a `.milk` file's contents).
    public init(text: String, name: String) throws {
        try self.init(data: Data(text.utf8), name: name)
    }

    init(bytes: [UInt8], name: String, file: String) throws {
        if PresetText.utf16(bytes) == nil { try Self.checkLooksLikeText(bytes, file: file) }
        let decoded = PresetText(bytes: bytes)
        guard decoded.text.contains(where: { !$0.isWhitespace && $0 != "\0" }) else { throw MilkPresetError.empty(file: file) }
        var reader = PresetReader(entries: PresetEntries(text: decoded.text))
        self = reader.read(name: name)
        guard reader.consumedCount > 0 else { throw MilkPresetError.notAPreset(file: file) }
        notes.encoding = decoded.encoding
        notes.hadByteOrderMark = decoded.hadByteOrderMark
    }

    /// Refuses empty files and binary data: more than 1 byte in 20 a control character (NUL included) other than
    /// tab, line ends, vertical tab and form feed.
    private static func checkLooksLikeText(_ bytes: [UInt8], file: String) throws {
        var meaningful = 0
        var control = 0
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20: break
            case 0x00..<0x20, 0x7F: control += 1
            default: meaningful += 1
            }
        }
        if meaningful == 0 { throw MilkPresetError.empty(file: file) }
        if control * 20 > bytes.count { throw MilkPresetError.binary(file: file) }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}

/// Reads the model out of a file's entries in MilkDrop's way, remembering which entries it used.
struct PresetReader {
    var entries: PresetEntries
    private var consumed: [Bool]
    private(set) var consumedCount = 0

    init(entries: PresetEntries) {
        self.entries = entries
        consumed = Array(repeating: false, count: entries.entries.count)
    }

    /// The value of `key` (any case; the first occurrence), or nil when the file lacks it.
    mutating func value(_ key: String) -> String? {
        value(lowercasedKey: PresetEntries.lowercased(key))
    }

    private mutating func value(lowercasedKey: String) -> String? {
        guard let index = entries.firstIndex[lowercasedKey] else { return nil }
        if !consumed[index] {
            consumed[index] = true
            consumedCount += 1
        }
        return entries.entries[index].value
    }

    /// The numbered lines `prefix1`, `prefix2` … up to the first missing number, one leading backtick removed
    /// from each (MilkDrop's `ReadCode`).
    mutating func code(_ prefix: String) -> [String] {
        let lowerPrefix = PresetEntries.lowercased(prefix)
        var lines: [String] = []
        while let line = value(lowercasedKey: lowerPrefix + String(lines.count + 1)) {
            lines.append(line.first == "`" ? String(line.dropFirst()) : line)
        }
        return lines
    }

    mutating func int(_ key: String) -> Int? { value(key).flatMap { MilkNumber.int($0) } }

    mutating func read<Root>(_ fields: [PresetField<Root>], prefix: String, into root: inout Root) {
        for field in fields { field.read(into: &root, value(prefix + field.key)) }
    }

    mutating func read(name: String) -> Preset {
        var preset = Preset(name: name)
        preset.header = PresetHeader(
            milkdropPresetVersion: int("MILKDROP_PRESET_VERSION"), psVersion: int("PSVERSION"),
            psVersionWarp: int("PSVERSION_WARP"), psVersionComp: int("PSVERSION_COMP"))

        // MilkDrop sets mv_a from the old on/off key first, then lets mv_a override it.
        let motionVectorsOn = int(BaseValues.legacyMotionVectorsKey) ?? 0
        preset.base.mvA = motionVectorsOn != 0 ? 1 : 0
        read(BaseValues.fields, prefix: "", into: &preset.base)

        for i in 0..<Preset.waveCount {
            read(CustomWave.fields, prefix: "wavecode_\(i)_", into: &preset.waves[i])
            preset.waves[i].initCode = code(CodeBlockKind.waveInit(i).keyPrefix)
            preset.waves[i].perFrameCode = code(CodeBlockKind.wavePerFrame(i).keyPrefix)
            preset.waves[i].perPointCode = code(CodeBlockKind.wavePerPoint(i).keyPrefix)
        }
        for i in 0..<Preset.shapeCount {
            read(CustomShape.fields, prefix: "shapecode_\(i)_", into: &preset.shapes[i])
            preset.shapes[i].initCode = code(CodeBlockKind.shapeInit(i).keyPrefix)
            preset.shapes[i].perFrameCode = code(CodeBlockKind.shapePerFrame(i).keyPrefix)
        }
        preset.perFrameInitCode = code(CodeBlockKind.perFrameInit.keyPrefix)
        preset.perFrameCode = code(CodeBlockKind.perFrame.keyPrefix)
        preset.perPixelCode = code(CodeBlockKind.perPixel.keyPrefix)
        preset.warpShader = code("warp_")
        preset.compShader = code("comp_")

        preset.extraEntries = entries.entries.indices.filter { !consumed[$0] }.map { entries.entries[$0] }
        preset.notes.hadSectionHeader = !entries.sectionHeaders.isEmpty
        preset.notes.nulBytes = entries.nulCount
        preset.notes.ignoredLines = entries.ignoredLineCount
        preset.notes.repeatedKeys = entries.entries.count - entries.firstIndex.count
        return preset
    }
}
