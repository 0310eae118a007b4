/// Something a key asks the live show to do.
public enum LiveAction: Sendable, Equatable, Hashable {
    case nextPair
    case previousPair
    /// Stops (or resumes) automatic pair changes.
    case toggleLock
    /// Picks a pair at random now, whatever the pick mode.
    case randomPick
    case toggleHUD
    /// on → off → debug → on.
    case cycleCouplingMode
    /// One step (0.1) up or down of a coupling amount.
    case adjust(CouplingKnob, up: Bool)
    /// weighted ↔ random.
    case togglePickMode
    /// Rates the pair on screen 1…5 (appended to `ratings.jsonl`).
    case rate(Int)
    case toggleFullscreen
    case toggleHelp
    case quit
}

/// The coupling amounts a key can turn.
public enum CouplingKnob: String, Sendable, CaseIterable, Hashable {
    case strength, parallax, dof
}
