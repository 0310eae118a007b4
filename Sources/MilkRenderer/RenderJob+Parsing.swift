extension RenderJob {
    /// Parses `--capture 60,90,120` (empty means none); throws on anything but non-negative integers.
    public static func parseCaptures(_ text: String) throws -> Set<Int> {
        var frames: Set<Int> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let trimmed = part.trimmingSpaces
            guard let frame = Int(trimmed), frame >= 0 else {
                throw MilkRendererError.badSize(what: "capture frame", value: "'\(trimmed)' in '\(text)'")
            }
            frames.insert(frame)
        }
        return frames
    }

    /// Parses `--mesh 48x36` into columns and rows (2…512 each).
    public static func parseMesh(_ text: String) throws -> (columns: Int, rows: Int) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let columns = Int(parts[0]), let rows = Int(parts[1]),
              (2...512).contains(columns), (2...512).contains(rows) else {
            throw MilkRendererError.badSize(what: "mesh", value: "'\(text)' (expected e.g. 48x36)")
        }
        return (columns, rows)
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
