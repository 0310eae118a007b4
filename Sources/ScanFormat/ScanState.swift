/// `scan-state.json`: what a scan folder is being filled with, written before the first preset so that
/// `--resume` can refuse to mix two different scans in one folder.
public struct ScanState: Codable, Sendable, Equatable {
    public static let formatName = "aivj-scan-state"

    public var format: String
    public var formatVersion: Int
    /// The library folder or manifest, absolute.
    public var library: String
    public var shard: ScanShard?
    public var parameters: ScanParameters
    public var thresholds: ScanThresholds

    public init(library: String, shard: ScanShard?, parameters: ScanParameters, thresholds: ScanThresholds) {
        format = Self.formatName
        formatVersion = 0
        self.library = library; self.shard = shard; self.parameters = parameters; self.thresholds = thresholds
    }
}
