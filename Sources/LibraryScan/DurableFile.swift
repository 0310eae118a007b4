import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File writes that a `kill -9` cannot leave half done.
public enum DurableFile {
    /// Writes `data` to a temporary name beside `path`, fsyncs it, and renames it over `path`: a reader sees the
    /// old file or the new one, never part of one.
    public static func write(_ data: Data, to path: String) throws(LibraryScanError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw .io(path: folder, message: "cannot create the folder")
            }
        }
        let temporary = path + temporaryMarker + String(getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: temporary, message: "cannot create: \(String(cString: strerror(errno)))") }
        let written = writeAll(fd, data)
        let synced = fsync(fd) == 0
        close(fd)
        guard written, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// The infix of temporary names, so a resume can sweep leftovers.
    public static let temporaryMarker = ".tmp-"

    /// Writes every byte, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}

/// A JSON Lines file opened for appending whole records: each `append` is one `write` of complete lines,
/// then an fsync, so a crash leaves at most a torn last line, which `repair` cuts off.
public final class AppendLog {
    public let path: String
    private let fd: Int32

    public init(path: String) throws(LibraryScanError) {
        self.path = path
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, message: "cannot open for appending: \(String(cString: strerror(errno)))") }
    }

    /// Appends `lines`, each followed by a newline, in one write.
    public func append(_ lines: [String]) throws(LibraryScanError) {
        guard !lines.isEmpty else { return }
        let data = Data((lines.joined(separator: "\n") + "\n").utf8)
        guard DurableFile.writeAll(fd, data), fsync(fd) == 0 else {
            throw .io(path: path, message: "cannot append: \(String(cString: strerror(errno)))")
        }
    }

    /// Reads the file's complete lines and cuts off a torn last line (one without its newline).
    public static func repair(path: String) throws(LibraryScanError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { return Data() }
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, message: "unreadable") }
        guard let last = data.last, last != 0x0A else { return data }
        let keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? data.startIndex
        guard truncate(path, off_t(keep - data.startIndex)) == 0 else {
            throw .io(path: path, message: "cannot cut the torn last line: \(String(cString: strerror(errno)))")
        }
        return data.prefix(upTo: keep)
    }

    deinit { close(fd) }
}
