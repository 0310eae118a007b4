import Foundation

/// Appends pick records to a JSON Lines file, one compact object per line.
public struct PickLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// One record as a JSON line (keys sorted, no trailing newline).
    public static func line(_ record: PickRecord) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(record), as: UTF8.self)
    }

    /// Appends `records`, creating the file when needed.
    public func append(_ records: [PickRecord]) throws(SelectionError) {
        do {
            var data = Data()
            for r in records { data.append(Data((try Self.line(r) + "\n").utf8)) }
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil) else {
                    throw SelectionError.logUnwritable(file: path, reason: "cannot create file")
                }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw SelectionError.logUnwritable(file: path, reason: "cannot open file")
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } catch let e as SelectionError {
            throw e
        } catch {
            throw .logUnwritable(file: path, reason: "\(error)")
        }
    }
}
