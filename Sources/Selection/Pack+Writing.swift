import Foundation

extension PairsManifest {
    /// Writes `pairs-manifest.v0.json` into `directory` (created if needed): sorted keys, final newline.
    public func write(toPack directory: String) throws(SelectionError) {
        try PackFiles.write(self, to: directory, name: Self.fileName)
    }
}

extension PairsQuality {
    /// Writes `pairs-quality.v0.json` into `directory` (created if needed).
    public func write(toPack directory: String) throws(SelectionError) {
        try PackFiles.write(self, to: directory, name: Self.fileName)
    }
}

/// Writing pack files, and the library root as the pack should record it.
public enum PackFiles {
    static func write<T: Encodable>(_ value: T, to directory: String, name: String) throws(SelectionError) {
        let path = directory + "/" + name
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try JSONFiles.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritableFile(file: path, reason: "\(error)")
        }
    }

    /// `library` as the pack at `pack` should name it: relative (`../presets`) when the two share a folder below
    /// the file system root and at most two `..` are needed, else absolute. Both are made absolute first.
    public static func libraryRoot(_ library: String, fromPack pack: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> [Substring] {
            PackRoots.normalise(p.hasPrefix("/") ? p : cwd + "/" + p).split(separator: "/")
        }
        let l = absolute(library), p = absolute(pack)
        var common = 0
        while common < min(l.count, p.count), l[common] == p[common] { common += 1 }
        let ups = p.count - common
        guard common > 0, ups <= 2 else { return "/" + l.joined(separator: "/") }
        let parts = Array(repeating: "..", count: ups) + l[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
