import CGL
import Foundation

/// Per-stage time of a layer's frames, for `aivj render --profile`: each stage ends with a `glFinish`, so GL work
/// is charged to the stage that issued it. The finishes themselves slow the frame down (the driver cannot overlap
/// stages), so a profiled run's fps is not the benchmark's; the shares are what it is for.
public struct StageProfile: Sendable, Equatable {
    /// The stages of one frame, in the order they run.
    public enum Stage: String, Sendable, CaseIterable {
        /// The preset's code: per_frame, per_pixel, shapes and waves (CPU).
        case code
        /// The warp mesh's texture coordinates (CPU).
        case mesh
        case motionVectors = "motion_vectors"
        case warp
        case blur
        /// Shapes, custom waves, the main wave, darken centre and borders.
        case drawables
        case composite
    }

    /// Seconds spent in each stage over all frames so far.
    public private(set) var seconds: [Stage: Double] = [:]
    public private(set) var frames = 0
    private var mark = ContinuousClock.now

    public init() {}

    /// Starts timing a frame's first stage.
    public mutating func beginFrame() {
        glFinish()
        mark = ContinuousClock.now
    }

    /// Charges the time since the last mark (after a `glFinish`) to `stage`.
    public mutating func end(_ stage: Stage) {
        glFinish()
        let now = ContinuousClock.now
        let elapsed = now - mark
        seconds[stage, default: 0] += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        mark = now
    }

    /// Counts a finished frame.
    public mutating func endFrame() { frames += 1 }

    /// One JSON line: milliseconds per frame for every stage, and their sum.
    public var jsonLine: String {
        let perFrame = { (value: Double) in String(format: "%.3f", frames > 0 ? value * 1000 / Double(frames) : 0) }
        let stages = Stage.allCases.map { "\"\($0.rawValue)_ms\":\(perFrame(seconds[$0] ?? 0))" }
        let total = perFrame(seconds.values.reduce(0, +))
        return "{\"profile_frames\":\(frames)," + stages.joined(separator: ",") + ",\"total_ms\":\(total)}"
    }
}
