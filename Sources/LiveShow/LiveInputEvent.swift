/// What the live window reports between frames, with SDL key codes (from `GLWindow.pollEvents`, or scripted).
public enum LiveInputEvent: Sendable, Equatable {
    case quit
    case key(code: Int32, shift: Bool)
}
