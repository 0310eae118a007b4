import Foundation

/// `config.toml` on disk: where it is, what it held, and saving live changes back to it.
///
/// Only what the file held (plus live changes) is saved, never a one-run command-line flag; a file that did
/// not parse is never overwritten, so a typo costs the user nothing.
public struct ConfigStore: Sendable {
    public let path: String
    /// The settings as the file holds them (defaults where it says nothing).
    public private(set) var stored: ShowConfig
    /// Problems found while loading, one line each (empty when the file was fine or missing).
    public let problems: [String]
    /// False when the file exists but did not parse.
    public let writable: Bool

    /// `$XDG_CONFIG_HOME/aivj/config.toml`, or `~/.config/aivj/config.toml` when that is unset or relative.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            return base + "/aivj/config.toml"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/aivj/config.toml"
    }

    /// Loads `path`: a missing file gives the defaults and no problem; an unreadable or malformed one gives
    /// the defaults (or the good keys) and a line naming the file and the problem.
    public init(path: String) {
        self.path = path
        guard FileManager.default.fileExists(atPath: path) else {
            stored = ShowConfig()
            problems = []
            writable = true
            return
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            stored = ShowConfig()
            problems = ["\(path): cannot be read as UTF-8 text; using the default settings"]
            writable = false
            return
        }
        let (config, problems) = ShowConfig.parse(toml: text, file: path)
        stored = config
        self.problems = problems
        writable = !(problems.first?.hasSuffix("using the default settings") ?? false)
    }

    /// Applies a live change to the stored settings and writes the file; returns false (nothing written) when
    /// the file did not parse or nothing changed.
    @discardableResult
    public mutating func update(_ change: (inout ShowConfig) -> Void) throws -> Bool {
        var next = stored
        change(&next)
        guard writable, next != stored else { return false }
        try Self.write(next, to: path)
        stored = next
        return true
    }

    /// Writes `config` to `path` whole: a temporary file beside it, then a rename, so a crash never leaves half a file.
    public static func write(_ config: ShowConfig, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(config.toml.utf8).write(to: url, options: .atomic)
        } catch {
            throw LiveShowError.io(path: path, message: "cannot save settings: \(error.localizedDescription)")
        }
    }
}
