import ScanFormat

/// Everything `aivj scan` was asked to do.
public struct ScanOptions: Sendable {
    /// How progress is shown on stderr.
    public enum Progress: Sendable { case bar, lines, none }

    public var library: String
    public var output: String
    public var parameters = ScanParameters()
    public var thresholds = ScanThresholds()
    public var shard: ScanShard?
    /// Worker processes at once.
    public var jobs: Int
    public var resume = false
    /// The `aivj` executable the workers run (`aivj scan worker`).
    public var executable: String
    public var workerArguments = ["scan", "worker"]
    /// Variables added to the workers' environment.
    public var workerEnvironment: [String: String] = [:]
    public var progress = Progress.lines
    /// Seconds between plain progress lines.
    public var progressInterval = 10.0
    /// The tool version written into the manifest.
    public var version = "0"

    public init(library: String, output: String, jobs: Int, executable: String) {
        self.library = library; self.output = output; self.jobs = jobs; self.executable = executable
    }
}
