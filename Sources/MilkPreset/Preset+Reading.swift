import Foundation

extension Preset {
    /// The largest file accepted as a preset: 4 MiB, over 100 times the largest preset in the Debian set (36 KB).
    /// Larger files are refused after reading at most this many bytes plus one. Reading a file can take up to about
    /// 30 times its size in memory at worst (a file of millions of tiny `k=v` lines), so the cap bounds memory at
    /// roughly 130 MB.
    public static let maximumFileSize = 4 << 20

    /// Reads the preset file at `url`; the preset is named after the file, without its extension.
    public init(contentsOf url: URL) throws {
        try self.init(bytes: Self.readFile(url), name: url.deletingPathExtension().lastPathComponent, file: url.path)
    }

    /// The bytes of the file at `url`, refusing files over `maximumFileSize` without reading them whole.
    static func readFile(_ url: URL, naming file: String? = nil) throws -> [UInt8] {
        let file = file ?? url.path
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
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? data.count
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
