/// Why the show changed pair.
public enum PairChangeReason: String, Codable, Sendable {
    /// The first pair of the show.
    case start
    /// A beat after the minimum dwell.
    case beat
    /// The maximum dwell passed without a usable beat (silence, or no tempo).
    case maximumDwell
    /// A fixed interval (`fixedInterval`: soak runs and tests).
    case interval
    /// Asked for (a key, or the API).
    case request
}

/// When the show moves to the next pair.
///
/// - A pair plays for at least `minimumDwell` seconds. After that, the change happens on the first frame
///   whose audio reports a beat (`FrameAudio.beats` non-empty), so cuts land on the music.
/// - When no beat comes (silence, an input fallback, music without a pulse), the change happens at
///   `maximumDwell` seconds.
/// - With `fixedInterval` set, changes happen exactly every that many seconds instead, beats ignored
///   (reproducible soak runs and tests).
/// - A request (next-pair key) changes on the next frame, even when the pair is locked; a lock only stops
///   the automatic changes.
/// - Every change is a soft transition of `transitionSeconds` per layer (a layer whose preset stays the same
///   does not transition).
/// - The picker chooses the next pair **before** the change, `pickLead` seconds ahead of the earliest moment it can
///   happen (`isPickDue`), so its presets are prepared off the render thread by then; a request picks at once.
///   The change happens only once they are ready (live), else the current pair plays on — on a later beat, or at
///   once after the maximum dwell.
public struct PairChangePolicy: Codable, Sendable, Equatable {
    public var minimumDwell = 12.0
    public var maximumDwell = 40.0
    public var fixedInterval: Double?
    public var transitionSeconds = 2.5

    public init(minimumDwell: Double = 12, maximumDwell: Double = 40, fixedInterval: Double? = nil,
                transitionSeconds: Double = 2.5) {
        self.minimumDwell = minimumDwell
        self.maximumDwell = maximumDwell
        self.fixedInterval = fixedInterval
        self.transitionSeconds = transitionSeconds
    }

    /// How long before the earliest change the next pair is picked and its presets requested, at most (half the
    /// dwell when that is shorter): loading a preset takes milliseconds to a few tenths of a second, so three
    /// seconds leave room for a busy machine.
    public static let pickLead = 3.0

    /// Whether the next pair should be picked now, `elapsed` seconds into the current pair: `pickLead` before the
    /// fixed interval, or before the minimum dwell.
    public func isPickDue(elapsed: Double) -> Bool {
        let earliest = fixedInterval.map { $0 > 0 ? $0 : 0 } ?? minimumDwell
        return elapsed + 1e-6 >= earliest - min(Self.pickLead, earliest / 2)
    }

    /// MilkDrop's `progress` for the presets of a pair `elapsed` seconds in: 0 at the change, 1 at the earliest
    /// next change (the fixed interval, or the minimum dwell), and 1 from then until the change comes (on a beat,
    /// at the maximum dwell, or never while locked), so presets that fade with it never overshoot.
    public func progress(elapsed: Double) -> Double {
        let span = fixedInterval.map { $0 > 0 ? $0 : 0 } ?? minimumDwell
        guard span > 0, elapsed.isFinite else { return 1 }
        return min(max(elapsed / span, 0), 1)
    }

    /// Whether to change now, and why: `elapsed` seconds into the current pair, `beat` when this frame has one.
    public func decide(elapsed: Double, beat: Bool, requested: Bool, locked: Bool) -> PairChangeReason? {
        if requested { return .request }
        if locked { return nil }
        // A tolerance of a microsecond, so `frame / fps` lands on whole intervals despite rounding.
        let epsilon = 1e-6
        if let interval = fixedInterval, interval > 0 {
            return elapsed + epsilon >= interval ? .interval : nil
        }
        if elapsed + epsilon >= maximumDwell { return .maximumDwell }
        if beat, elapsed + epsilon >= minimumDwell { return .beat }
        return nil
    }

    /// Checks the settings; throws naming the bad one.
    public func validated() throws -> PairChangePolicy {
        for (name, value) in [("minimum dwell", minimumDwell), ("maximum dwell", maximumDwell),
                              ("transition", transitionSeconds), ("switch interval", fixedInterval ?? 1)] {
            guard value.isFinite, value >= 0 else {
                throw LiveShowError.badSetting(name: name, value: "\(value)", reason: "must be a number of seconds ≥ 0")
            }
        }
        guard maximumDwell >= minimumDwell else {
            throw LiveShowError.badSetting(name: "maximum dwell", value: "\(maximumDwell)", reason: "must be ≥ the minimum dwell")
        }
        return self
    }
}
