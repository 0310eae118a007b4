import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Carries `nice aivj scan …` over to the threads that do the work.
///
/// Linux keeps a nice value per thread, and the Swift runtime's worker threads get their own from their quality of
/// service, so the value `nice` gave the main thread would not reach the rendering threads by itself. The scan reads
/// it from `/proc/self/stat` and passes it to the workers, which apply it to their rendering thread (whose GL driver
/// threads inherit it).
enum ThreadNice {
    /// The environment variable the workers read.
    static let variable = "AIVJ_SCAN_NICE"

    /// The main thread's nice value (field 19 of `/proc/self/stat`), or nil.
    static func process() -> Int32? {
        guard let text = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 16 ? Int32(fields[16]) : nil
    }

    /// Lowers the calling thread's priority to `value` (raising it back is not allowed without privileges and not wanted).
    static func apply(_ value: Int32) {
        guard value > 0 else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, value)
    }
}
