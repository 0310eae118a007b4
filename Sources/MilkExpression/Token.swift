/// One lexical token of the expression language, with its position in the source text.
struct Token: Sendable, Equatable {
    /// The kinds of token the grammar distinguishes.
    enum Kind: Sendable, Equatable {
        case number(Double)
        case name(String)      // lower-cased identifier: a variable or, when followed by `(`, a function
        case gmem
        case op(String)        // operators and punctuation, e.g. "+", "+=", "(", ";"
        case invalid(String)   // a character the language does not know
        case end
    }

    var kind: Kind
    /// Byte offset of the first character in the source.
    var offset: Int

    var isSemicolon: Bool { kind == .op(";") }
}

extension Token.Kind: CustomStringConvertible {
    var description: String {
        switch self {
        case .number(let v): return "number \(v)"
        case .name(let n): return "'\(n)'"
        case .gmem: return "'gmem'"
        case .op(let o): return "'\(o)'"
        case .invalid(let c): return "invalid character '\(c)'"
        case .end: return "end of statement"
        }
    }
}
