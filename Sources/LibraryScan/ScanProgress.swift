import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress on stderr: a redrawn bar with rate and ETA on a terminal, a plain line every few seconds otherwise.
struct ScanProgress {
    let mode: ScanOptions.Progress
    let total: Int
    let alreadyDone: Int
    let interval: Double
    private let start = ContinuousClock.now
    private var lastPrint: ContinuousClock.Instant?

    init(mode: ScanOptions.Progress, total: Int, alreadyDone: Int, interval: Double) {
        self.mode = mode; self.total = total; self.alreadyDone = alreadyDone; self.interval = interval
    }

    var elapsed: Double { ScanWorker.seconds(ContinuousClock.now - start) }

    /// The status text for `done` presets (of which `failed` failed).
    func text(done: Int, failed: Int, bar: Bool) -> String {
        let elapsed = elapsed
        let rate = elapsed > 0 ? Double(done - alreadyDone) / elapsed : 0
        let remaining = total - done
        let eta = rate > 0 ? Self.clock(Double(remaining) / rate) : "--:--"
        let percent = total > 0 ? 100 * done / total : 100
        var line = "\(done)/\(total) \(percent)% \(String(format: "%.2f", rate)) presets/s ETA \(eta) failed \(failed)"
        if bar {
            let width = 30
            let filled = total > 0 ? width * done / total : width
            line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + line
        }
        return line
    }

    /// Shows progress if it is time to.
    mutating func update(done: Int, failed: Int, force: Bool = false) {
        let now = ContinuousClock.now
        switch mode {
        case .none: return
        case .bar:
            if !force, let lastPrint, ScanWorker.seconds(now - lastPrint) < 0.2 { return }
            write("\r\u{1B}[2K" + text(done: done, failed: failed, bar: true))
        case .lines:
            if !force, let lastPrint, ScanWorker.seconds(now - lastPrint) < interval { return }
            if !force, lastPrint == nil, done == alreadyDone { lastPrint = now; return }
            write("scan: " + text(done: done, failed: failed, bar: false) + "\n")
        }
        lastPrint = now
    }

    /// Ends the bar's line.
    func finish() { if mode == .bar { write("\n") } }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%02d:%02d", minutes, secs)
    }
}
