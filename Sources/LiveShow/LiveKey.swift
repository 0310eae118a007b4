/// The live show's keyboard: SDL key codes to actions, and the table the `?` help screen shows.
///
/// Pure: it knows SDL's key code numbers (printable keys are their ASCII code, the others SDL's scancode
/// with bit 30 set), not SDL itself.
public enum LiveKey {
    /// SDL key codes of the non-printable keys used here.
    public enum Code {
        static let scancodeMask: Int32 = 1 << 30
        public static let escape: Int32 = 27
        public static let tab: Int32 = 9
        public static let space: Int32 = 32
        public static let right: Int32 = 79 | scancodeMask
        public static let left: Int32 = 80 | scancodeMask
        public static let down: Int32 = 81 | scancodeMask
        public static let up: Int32 = 82 | scancodeMask
        public static let f1: Int32 = 58 | scancodeMask
        public static let f11: Int32 = 68 | scancodeMask
        /// A printable key's code: its (lower-case) ASCII character.
        public static func character(_ character: Character) -> Int32 {
            Int32(character.lowercased().unicodeScalars.first?.value ?? 0)
        }
    }

    /// One line of the help screen: the keys, what they do, and the actions behind them.
    public struct Binding: Sendable, Equatable {
        public var keys: String
        public var help: String
        public var actions: [LiveAction]
    }

    /// Every binding, in the order the help screen lists them.
    public static let bindings: [Binding] = [
        Binding(keys: "Right  N", help: "next pair", actions: [.nextPair]),
        Binding(keys: "Left  P", help: "previous pair", actions: [.previousPair]),
        Binding(keys: "Space  L", help: "lock / unlock the pair", actions: [.toggleLock]),
        Binding(keys: "R", help: "random pair now", actions: [.randomPick]),
        Binding(keys: "M", help: "pick mode weighted / random", actions: [.togglePickMode]),
        Binding(keys: "C", help: "coupling on / off / debug", actions: [.cycleCouplingMode]),
        Binding(keys: "Up  Down  = -", help: "coupling strength ±0.1",
                actions: [.adjust(.strength, up: true), .adjust(.strength, up: false)]),
        Binding(keys: "] [", help: "parallax ±0.1", actions: [.adjust(.parallax, up: true), .adjust(.parallax, up: false)]),
        Binding(keys: ". ,", help: "depth of field ±0.1", actions: [.adjust(.dof, up: true), .adjust(.dof, up: false)]),
        Binding(keys: "1 … 5", help: "rate this pair (ratings.jsonl)", actions: (1...5).map { .rate($0) }),
        Binding(keys: "H  Tab", help: "show / hide the HUD", actions: [.toggleHUD]),
        Binding(keys: "F  F11", help: "fullscreen", actions: [.toggleFullscreen]),
        Binding(keys: "?  F1", help: "this help", actions: [.toggleHelp]),
        Binding(keys: "Q  Esc", help: "quit", actions: [.quit]),
    ]

    /// The action of the key with SDL key code `code` (`shift` held or not), or nil for an unbound key.
    public static func action(keyCode code: Int32, shift: Bool = false) -> LiveAction? {
        switch code {
        case Code.right: return .nextPair
        case Code.left: return .previousPair
        case Code.up: return .adjust(.strength, up: true)
        case Code.down: return .adjust(.strength, up: false)
        case Code.space: return .toggleLock
        case Code.tab: return .toggleHUD
        case Code.escape: return .quit
        case Code.f1: return .toggleHelp
        case Code.f11: return .toggleFullscreen
        default: break
        }
        guard code > 0, code < 128, let scalar = Unicode.Scalar(UInt32(code)) else { return nil }
        switch Character(scalar) {
        case "n": return .nextPair
        case "p": return .previousPair
        case "l": return .toggleLock
        case "r": return .randomPick
        case "m": return .togglePickMode
        case "c": return .cycleCouplingMode
        case "=", "+": return .adjust(.strength, up: true)
        case "-": return .adjust(.strength, up: false)
        case "]": return .adjust(.parallax, up: true)
        case "[": return .adjust(.parallax, up: false)
        case ".": return .adjust(.dof, up: true)
        case ",": return .adjust(.dof, up: false)
        case "1", "2", "3", "4", "5": return .rate(Int(code) - 48)
        case "h": return .toggleHUD
        case "f": return .toggleFullscreen
        // `?` is shift + `/` on most layouts; SDL reports the unshifted key.
        case "/": return shift ? .toggleHelp : nil
        case "?": return .toggleHelp
        case "q": return .quit
        default: return nil
        }
    }
}
