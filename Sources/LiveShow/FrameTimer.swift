/// The last frames' durations for the HUD's fps figure and frame-time graph; times are passed in.
public struct FrameTimer: Sendable, Equatable {
    /// How many durations the graph keeps.
    public let capacity: Int
    /// Milliseconds per frame, oldest first.
    public private(set) var milliseconds: [Double] = []
    private var lastTime: Double?

    public init(capacity: Int = 120) { self.capacity = max(1, capacity) }

    /// Notes that a frame ended at `seconds` (any monotonic clock).
    public mutating func tick(at seconds: Double) {
        if let lastTime, seconds >= lastTime {
            milliseconds.append((seconds - lastTime) * 1000)
            if milliseconds.count > capacity { milliseconds.removeFirst(milliseconds.count - capacity) }
        }
        lastTime = seconds
    }

    /// Frames per second over the last (up to) 30 frames; 0 before two frames.
    public var fps: Double {
        let recent = milliseconds.suffix(30)
        let total = recent.reduce(0, +)
        return total > 0 ? Double(recent.count) * 1000 / total : 0
    }
}
