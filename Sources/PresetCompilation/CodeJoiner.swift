/// Joins a block's preset lines into one source text exactly as MilkDrop 2 does before compiling.
///
/// MilkDrop (`ReadCode` + `StripLinefeedCharsAndComments`) appends a control character after each line, then
/// drops everything from `//` or `\\` to the end of that line and removes the control characters, so lines are
/// concatenated with nothing between them. A block of only spaces compiles as empty. The joined text keeps a map
/// back to (preset line, column) for diagnostics.
public struct JoinedCode: Sendable {
    /// The text handed to the compiler.
    public let text: String
    /// For each byte of `text`: its 1-based preset line and column.
    private let origins: [(line: Int32, column: Int32)]

    /// Joins lines the MilkDrop way.
    public init(lines: [String]) {
        var bytes: [UInt8] = []
        var origins: [(Int32, Int32)] = []
        for (index, line) in lines.enumerated() {
            var u = Array(line.utf8)
            if u.first == UInt8(ascii: "`") { u.removeFirst() }
            var i = 0
            while i < u.count {
                let c = u[i]
                let next = i + 1 < u.count ? u[i + 1] : 0
                if (c == UInt8(ascii: "/") && next == UInt8(ascii: "/")) || (c == UInt8(ascii: "\\") && next == UInt8(ascii: "\\")) {
                    break
                }
                bytes.append(c)
                origins.append((Int32(index + 1), Int32(i + 1)))
                i += 1
            }
        }
        if bytes.allSatisfy({ $0 == 32 }) { bytes = []; origins = [] }
        text = String(decoding: bytes, as: UTF8.self)
        self.origins = origins
    }

    /// The preset line and column of a byte offset in `text` (the end maps just past the last character).
    public func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        if origins.isEmpty { return (1, 1) }
        if offset < origins.count, offset >= 0 { return (Int(origins[offset].line), Int(origins[offset].column)) }
        let last = origins[origins.count - 1]
        return (Int(last.line), Int(last.column) + 1)
    }
}
