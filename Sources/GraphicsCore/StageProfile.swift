import CGL
import Glibc

/// Wall time per stage of a frame (`aivj bench show --profile`, `aivj render --profile`): when enabled, each mark waits for the GPU
/// (`glFinish`) so the GL work a stage queued is charged to that stage and not to the next one that flushes.
///
/// Disabled (the default) every call is a no-op, so the show's frame path pays nothing for it. Enabled, the
/// finishes serialise the CPU and llvmpipe's threads, so the total is a little above the unprofiled frame time.
public struct StageProfile: Sendable, Equatable {
    public let enabled: Bool
    /// Stages in the order they were first marked.
    public private(set) var stages: [String] = []
    /// Seconds spent in each stage over all frames.
    public private(set) var seconds: [String: Double] = [:]
    /// Processor seconds (user + system, every thread: llvmpipe's too) in each stage over all frames: on a
    /// loaded machine a steadier measure of the work than wall time.
    public private(set) var processorSeconds: [String: Double] = [:]
    /// Frames counted (`endFrame` calls).
    public private(set) var frames = 0
    private var last: ContinuousClock.Instant?
    private var lastProcessor = 0.0

    public init(enabled: Bool) { self.enabled = enabled }

    /// Starts timing a frame: waits for earlier GL work so it is not charged to the first stage.
    public mutating func beginFrame() {
        guard enabled else { return }
        glFinish()
        last = ContinuousClock.now
        lastProcessor = Self.processorTime()
    }

    /// Charges the time since the previous mark (GL work included) to `stage`.
    public mutating func mark(_ stage: String) {
        guard enabled, let last else { return }
        glFinish()
        let now = ContinuousClock.now
        let elapsed = now - last
        if seconds[stage] == nil { stages.append(stage) }
        seconds[stage, default: 0] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let processor = Self.processorTime()
        processorSeconds[stage, default: 0] += processor - lastProcessor
        lastProcessor = processor
        self.last = now
    }

    /// Ends a frame (counts it).
    public mutating func endFrame() {
        guard enabled, last != nil else { return }
        frames += 1
        last = nil
    }

    /// Forgets what was measured (after warm-up frames).
    public mutating func reset() {
        stages = []
        seconds = [:]
        processorSeconds = [:]
        frames = 0
        last = nil
    }

    /// Mean wall and processor milliseconds per frame of each stage, in stage order.
    public var millisecondsPerFrame: [(stage: String, ms: Double, cpuMs: Double)] {
        let scale = frames > 0 ? 1000 / Double(frames) : 0
        return stages.map { ($0, (seconds[$0] ?? 0) * scale, (processorSeconds[$0] ?? 0) * scale) }
    }

    /// User and system time of this process so far, every thread.
    public static func processorTime() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
