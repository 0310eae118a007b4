extension ShowConfig {
    /// The step of one press of a coupling amount key.
    public static let knobStep = 0.1

    /// Applies a key's action to the settings it changes (HUD, fullscreen, pick mode, coupling); returns
    /// whether anything changed. Actions on the show (pairs, ratings, quit) change no setting.
    @discardableResult
    public mutating func apply(_ action: LiveAction) -> Bool {
        let before = self
        switch action {
        case .toggleHUD: hud.toggle()
        case .toggleFullscreen: fullscreen.toggle()
        case .togglePickMode: pickMode = pickMode == .weighted ? .random : .weighted
        case .cycleCouplingMode:
            let modes = Self.couplingModes
            let index = modes.firstIndex(of: couplingMode) ?? 0
            couplingMode = modes[(index + 1) % modes.count]
        case let .adjust(knob, up):
            let delta = up ? Self.knobStep : -Self.knobStep
            // Rounded to the step so repeated presses land on 0.1, 0.2, … rather than drifting.
            func stepped(_ value: Double) -> Double { min(1, max(0, ((value + delta) * 10).rounded() / 10)) }
            switch knob {
            case .strength: strength = stepped(strength)
            case .parallax: parallax = stepped(parallax)
            case .dof: dof = stepped(dof)
            }
        case .nextPair, .previousPair, .toggleLock, .randomPick, .rate, .toggleHelp, .quit:
            break
        }
        return self != before
    }
}
