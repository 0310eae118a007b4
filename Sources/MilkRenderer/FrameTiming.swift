/// Where a live render reads the time: seconds on a monotonic clock, injected so tests can script it.
public protocol FrameClock {
    /// Seconds since some fixed start; never decreasing.
    mutating func seconds() -> Double
}

/// The system's monotonic clock (`ContinuousClock`), zero when created.
public struct MonotonicClock: FrameClock {
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    public init() { start = clock.now }

    public func seconds() -> Double {
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
}

/// A clock that returns the given readings in turn (the last one repeats): scripted time for tests.
public struct ScriptedClock: FrameClock {
    private var readings: [Double]
    private var next = 0

    public init(_ readings: [Double]) { self.readings = readings.isEmpty ? [0] : readings }

    public mutating func seconds() -> Double {
        defer { next = min(next + 1, readings.count - 1) }
        return readings[next]
    }
}

/// Live frame timing as MilkDrop keeps it: each frame's time is read from the clock (seconds since the preset
/// started), and `fps` is measured from recent frame intervals, not assumed.
///
/// `aivj render` keeps the fixed step (frame i at i/fps) instead, so recordings are reproducible.
public struct FrameTiming: Sendable, Equatable {
    /// Frame intervals averaged for the measured rate.
    public static let window = 30
    /// The rate reported before two frames have been seen, and the bounds of the measurement.
    public let nominalFPS: Double
    public private(set) var presetStart: Double?
    public private(set) var intervals: [Double] = []
    private var last: Double?

    public init(nominalFPS: Double = 60) { self.nominalFPS = min(max(nominalFPS, 1), 1000) }

    /// The measured frame rate: frames per second over the last `window` intervals.
    public var fps: Double {
        let total = intervals.reduce(0, +)
        guard total > 0 else { return nominalFPS }
        return min(max(Double(intervals.count) / total, 1), 1000)
    }

    /// Records a frame shown at `now` (clock seconds); returns its time since the preset started and the fps.
    public mutating func tick(now: Double) -> (time: Double, fps: Double) {
        if let last, now > last {
            intervals.append(now - last)
            if intervals.count > Self.window { intervals.removeFirst(intervals.count - Self.window) }
        }
        last = now
        let start = presetStart ?? now
        presetStart = start
        return (max(now - start, 0), fps)
    }

    /// A new preset starts at the next tick (its `time` restarts from 0; the fps measurement carries on).
    public mutating func restartPreset() { presetStart = nil }
}
