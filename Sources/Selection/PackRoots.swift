import Foundation

/// The folders a pack may read presets from, and the check that a path stays inside them.
///
/// A path is first normalised lexically (`.` and `..` removed) and refused when that already leaves every root,
/// so `../../etc/passwd` is never even looked up; a path that stays inside is then resolved with `realpath`
/// (symlinks followed) and refused when the real file lies outside every root. Only then is the file read.
public struct PackRoots: Sendable, Equatable {
    /// Real (symlink-free) absolute paths of the pack folder and, when given, the library root.
    public let pack: String
    public let library: String?

    /// What became of one path.
    public enum Resolution: Sendable, Equatable {
        case inside(String)
        case escapes
        case missing
    }

    /// Roots from the pack folder and an optional library root (relative to the current folder or absolute).
    public init?(pack: String, library: String?) {
        guard let p = Self.realPath(pack) else { return nil }
        self.pack = p
        self.library = library.flatMap { Self.realPath($0) }
    }

    /// Resolves `path` as written in the manifest: absolute, or relative to the pack folder and then to the library root.
    public func resolve(_ path: String) -> Resolution {
        let roots = [pack] + (library.map { [$0] } ?? [])
        let candidates = path.hasPrefix("/") ? [path] : roots.map { $0 + "/" + path }
        var escaped = false
        for candidate in candidates {
            let lexical = Self.normalise(candidate)
            guard roots.contains(where: { Self.contains($0, lexical) }) else { escaped = true; continue }
            guard let real = Self.realPath(lexical) else { continue }
            guard roots.contains(where: { Self.contains($0, real) }) else { escaped = true; continue }
            return .inside(real)
        }
        return escaped ? .escapes : .missing
    }

    /// `path` is `root` or lies below it.
    static func contains(_ root: String, _ path: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// An absolute path with `.`, `..` and empty components removed (`..` at the top stays at `/`).
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `realpath(3)`: the absolute path with every symlink resolved, or nil when the file does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
