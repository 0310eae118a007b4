import MilkPreset
import ScanFormat

extension ScanShard {
    /// Parses `K/N` with 0 ≤ K < N (0-based, as `SLURM_ARRAY_TASK_ID` and `JOB_COMPLETION_INDEX` count).
    public static func parse(_ text: String) throws(LibraryScanError) -> ScanShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
            throw .badOption("--shard '\(text)': expected K/N with 0 ≤ K < N, e.g. 0/4")
        }
        return ScanShard(index: index, count: count)
    }

    /// The shard a preset path belongs to: the top bits of FNV-1a 64 of its UTF-8 bytes scaled to `count`.
    ///
    /// Depends only on the path, so a preset stays in its shard as the library grows, and the shards partition
    /// any library exactly.
    public static func shard(ofPath path: String, count: Int) -> Int {
        let hash = FNV1a64.hash(path.utf8)
        return Int(hash.multipliedFullWidth(by: UInt64(count)).high)
    }

    /// Whether `path` is in this shard.
    public func contains(path: String) -> Bool { Self.shard(ofPath: path, count: count) == index }
}
