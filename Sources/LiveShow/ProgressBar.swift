import Foundation

/// The one-line progress bar `aivj record` draws on a terminal: bar, percent, frames, speed, ETA.
public struct ProgressBar: Sendable {
    public var total: Int
    public var width = 30

    public init(total: Int) { self.total = max(1, total) }

    /// The line for `done` frames after `elapsed` seconds (no newline; the caller returns the carriage).
    public func line(done: Int, elapsed: Double) -> String {
        let fraction = min(1, max(0, Double(done) / Double(total)))
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let speed = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = speed > 0 ? Double(total - done) / speed : nil
        return String(format: "[%@] %3d%% %d/%d frames %.1f fps ETA %@", bar, Int(fraction * 100), done, total, speed,
                      eta.map(Self.duration) ?? "--")
    }

    /// `1h02m03s`, `4m05s` or `6s`.
    public static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        if h > 0 { return String(format: "%dh%02dm%02ds", h, m, s) }
        if m > 0 { return String(format: "%dm%02ds", m, s) }
        return "\(s)s"
    }
}

/// The resident set size of this process, for soak runs.
public enum ProcessMemory {
    /// Resident memory in kilobytes from `/proc/self/statm` (0 where there is no procfs).
    public static func residentKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }
}
