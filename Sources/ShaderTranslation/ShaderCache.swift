import Foundation

extension ShaderTranslator {
    /// Changes whenever the translator's output may change: part of every cache key, so old entries are never reused.
    /// Bump it with any change to the lexer, preprocessor, parser, emitter or environment.
    public static let version = 2
}

/// A translation as the cache hands it back: the shader or the translator's error, and whether it came from disk.
public struct CachedTranslation: Sendable {
    public var result: Result<TranslatedShader, ShaderTranslationError>
    /// True when the entry was read from the cache, false when the translator ran.
    public var fromCache: Bool

    /// The shader, or the translator's error thrown.
    public func get() throws -> TranslatedShader { try result.get() }
}

/// Translations kept on disk by content, so loading a preset a second time skips the translator.
///
/// One JSON file per (translator version, stage, shader text) under `directory` — by default
/// `$XDG_CACHE_HOME/aivj/shaders/` or `~/.cache/aivj/shaders/`. Failures are cached too: a broken shader costs its
/// translation once. The key is 128 bits from two FNV-1a 64 hashes (different offset bases); FNV is not
/// collision-resistant, so each entry also stores its stage and text, and an entry whose text differs is treated as a
/// miss — a collision costs a re-translation, never a wrong shader. Writes go to a temporary file renamed into place,
/// so readers in other processes see a whole entry or none; an entry that does not decode is ignored and rewritten.
public struct ShaderCache: Sendable {
    /// Where entries live; created on first write.
    public let directory: URL
    let translator: @Sendable (String, ShaderStage) throws -> TranslatedShader

    /// A cache in `directory` (the default folder when nil); `translator` is the function run on a miss.
    public init(directory: URL? = nil,
                translator: @escaping @Sendable (String, ShaderStage) throws -> TranslatedShader = ShaderTranslator.translate) {
        self.directory = directory ?? Self.defaultDirectory(environment: ProcessInfo.processInfo.environment)
        self.translator = translator
    }

    /// `$XDG_CACHE_HOME/aivj/shaders`, or `$HOME/.cache/aivj/shaders` when XDG_CACHE_HOME is unset or not absolute.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        }
        return base.appendingPathComponent("aivj/shaders", isDirectory: true)
    }

    /// The translation of `text` as `stage`: the cached one, or a fresh one, stored.
    public func translate(_ text: String, stage: ShaderStage) throws -> TranslatedShader {
        try lookup(text, stage: stage).get()
    }

    /// Like `translate`, reporting whether the cache answered.
    public func lookup(_ text: String, stage: ShaderStage) -> CachedTranslation {
        let file = entryURL(text, stage: stage)
        if let entry = Self.read(file), entry.version == ShaderTranslator.version, entry.stage == stage, entry.text == text {
            return CachedTranslation(result: entry.result, fromCache: true)
        }
        let result: Result<TranslatedShader, ShaderTranslationError>
        do {
            result = .success(try translator(text, stage))
        } catch let error as ShaderTranslationError {
            result = .failure(error)
        } catch {
            result = .failure(.unsupported(line: 0, message: "\(error)"))
        }
        write(Entry(version: ShaderTranslator.version, stage: stage, text: text, result: result), to: file)
        return CachedTranslation(result: result, fromCache: false)
    }

    /// The file of the entry for `text` as `stage`.
    public func entryURL(_ text: String, stage: ShaderStage) -> URL {
        directory.appendingPathComponent(Self.key(text, stage: stage) + ".json")
    }

    /// 32 hex digits naming the entry: two FNV-1a 64 hashes of the version, stage and text.
    public static func key(_ text: String, stage: ShaderStage) -> String {
        var bytes = Array("aivj-shader v\(ShaderTranslator.version) \(stage.rawValue)\n".utf8)
        bytes += text.utf8
        // An arbitrary second basis: the two hashes are not independent, so count the key as about 64 bits, which
        // is plenty to tell a library's shaders apart, and the stored text settles any collision.
        let first = fnv1a64(bytes, basis: 0xcbf2_9ce4_8422_2325)
        let second = fnv1a64(bytes, basis: 0x84a4_6a1e_5c8f_9e93)
        return hex(first) + hex(second)
    }

    struct Entry: Codable {
        var version: Int
        var stage: ShaderStage
        var text: String
        var shader: TranslatedShader?
        var error: ShaderTranslationError?

        init(version: Int, stage: ShaderStage, text: String, result: Result<TranslatedShader, ShaderTranslationError>) {
            self.version = version
            self.stage = stage
            self.text = text
            switch result {
            case let .success(shader): self.shader = shader
            case let .failure(error): self.error = error
            }
        }

        var result: Result<TranslatedShader, ShaderTranslationError> {
            if let shader { return .success(shader) }
            return .failure(error ?? .unsupported(line: 0, message: "empty cache entry"))
        }
    }

    /// The entry in `file`, or nil when it is missing, unreadable or not a whole entry.
    static func read(_ file: URL) -> Entry? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.shader != nil || entry.error != nil else {
            return nil
        }
        return entry
    }

    /// Writes `entry` to a temporary file beside `file` and renames it over `file`; a cache that cannot be written is
    /// simply not used.
    func write(_ entry: Entry, to file: URL) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        guard Self.writeWithoutSync(data, to: temporary.path) else {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Writes `data` to a new file with plain POSIX calls. Foundation's `Data.write` syncs the file to disk, which
    /// costs milliseconds per entry; a cache needs no durability (a torn entry after a crash fails to decode and is
    /// rewritten), only the atomic rename.
    static func writeWithoutSync(_ data: Data, to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    static func fnv1a64(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
