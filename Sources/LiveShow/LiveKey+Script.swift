extension LiveKey {
    /// A key press scripted for frame `frame` (tests and demos drive the live show without a keyboard).
    public struct ScriptedPress: Sendable, Equatable {
        public var frame: Int
        public var code: Int32
        public var shift: Bool
    }

    /// The SDL key code of a key by name: one character (`c`, `1`, `]`), `?` (shift + `/`), or `right`,
    /// `left`, `up`, `down`, `space`, `tab`, `escape`, `f1`, `f11`.
    public static func code(named name: String) -> (code: Int32, shift: Bool)? {
        switch name.lowercased() {
        case "right": return (Code.right, false)
        case "left": return (Code.left, false)
        case "up": return (Code.up, false)
        case "down": return (Code.down, false)
        case "space": return (Code.space, false)
        case "tab": return (Code.tab, false)
        case "escape", "esc": return (Code.escape, false)
        case "f1": return (Code.f1, false)
        case "f11": return (Code.f11, false)
        case "?": return (Code.character("/"), true)
        case let single where single.count == 1: return (Code.character(Character(single)), false)
        default: return nil
        }
    }

    /// Parses `FRAME:KEY,FRAME:KEY…` (e.g. `30:c,60:4,90:right`); throws naming the bad item.
    public static func script(_ text: String) throws -> [ScriptedPress] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let frame = Int(parts[0]), frame >= 0, let key = code(named: parts[1]) else {
                throw LiveShowError.badSetting(name: "keys", value: String(item),
                                               reason: "expected FRAME:KEY, e.g. 30:c or 90:right")
            }
            return ScriptedPress(frame: frame, code: key.code, shift: key.shift)
        }
    }
}
