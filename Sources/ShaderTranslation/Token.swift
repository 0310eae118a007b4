/// One lexical token of MilkDrop's HLSL dialect.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case identifier
        case intLiteral
        case floatLiteral
        case punctuation
        case directive
        case end
    }

    var kind: Kind
    var text: String
    var line: Int

    func isPunct(_ p: String) -> Bool { kind == .punctuation && text == p }
}
