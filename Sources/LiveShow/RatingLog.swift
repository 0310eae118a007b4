import Foundation

/// One rating a VJ gave a pair with the keys 1–5, as a line of `ratings.jsonl` (docs/formats.md).
public struct PairRating: Codable, Sendable, Equatable {
    /// Wall-clock time, ISO 8601 in UTC.
    public var time: String
    public var pairID: String
    /// 1 (bad) … 5 (great).
    public var rating: Int
    public var fg: String
    public var bg: String
    /// The pack folder the pair came from (useful when the file lives in the data folder instead).
    public var pack: String

    public init(time: String, pairID: String, rating: Int, fg: String, bg: String, pack: String) {
        self.time = time; self.pairID = pairID; self.rating = rating; self.fg = fg; self.bg = bg; self.pack = pack
    }

    enum CodingKeys: String, CodingKey {
        case time, rating, fg, bg, pack
        case pairID = "pair_id"
    }

    /// The rating as one compact JSON line with sorted keys and a newline.
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Appends ratings to `ratings.jsonl` beside the pack, or, when the pack folder is read-only, to
/// `$XDG_DATA_HOME/aivj/ratings/<pack folder name>/ratings.jsonl` (and says so).
public struct RatingLog: Sendable {
    public static let fileName = "ratings.jsonl"

    public let packDirectory: String
    public let dataHome: String

    /// Where the ratings of `packDirectory` go; `environment` gives `XDG_DATA_HOME` and `HOME`.
    public init(packDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.packDirectory = packDirectory
        if let base = environment["XDG_DATA_HOME"], base.hasPrefix("/") {
            dataHome = base
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
    }

    /// The file beside the pack.
    public var primaryPath: String { packDirectory + "/" + Self.fileName }

    /// The file used when the pack folder cannot be written.
    public var fallbackPath: String {
        let name = URL(fileURLWithPath: packDirectory).standardizedFileURL.lastPathComponent
        return dataHome + "/aivj/ratings/" + (name.isEmpty ? "pack" : name) + "/" + Self.fileName
    }

    /// Where a rating went, and whether that is the fallback.
    public struct Written: Sendable, Equatable {
        public var path: String
        public var fellBack: Bool
    }

    /// Appends `rating` as one line written by a single `write` to a file opened for appending, so
    /// concurrent writers never interleave within a line.
    public func append(_ rating: PairRating) throws -> Written {
        let line = rating.line
        if try Self.appendLine(line, to: primaryPath) { return Written(path: primaryPath, fellBack: false) }
        let fallback = fallbackPath
        do {
            try FileManager.default.createDirectory(atPath: (fallback as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
        } catch {
            throw LiveShowError.io(path: fallback, message: "cannot create the ratings folder: \(error.localizedDescription)")
        }
        guard try Self.appendLine(line, to: fallback) else {
            throw LiveShowError.io(path: fallback, message: "cannot write ratings (permission denied)")
        }
        return Written(path: fallback, fellBack: true)
    }

    /// Appends `line` whole; returns false when the folder or file may not be written (permission, read-only).
    static func appendLine(_ line: String, to path: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            let code = errno
            if [EACCES, EROFS, EPERM, ENOENT, ENOTDIR].contains(code) { return false }
            throw LiveShowError.io(path: path, message: "cannot open for appending: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            let message = written < 0 ? String(cString: strerror(errno)) : "short write (\(written) of \(bytes.count) bytes)"
            throw LiveShowError.io(path: path, message: "cannot append a rating: \(message)")
        }
        return true
    }
}
