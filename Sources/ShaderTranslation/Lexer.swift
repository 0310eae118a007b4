/// Splits HLSL text into tokens, dropping comments; `#` lines become one `directive` token each.
struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Every token of the text, ending with an `end` token.
    static func tokens(_ text: String) throws -> [Token] {
        var lexer = Lexer(text)
        var out: [Token] = []
        while true {
            let token = try lexer.next()
            out.append(token)
            if token.kind == .end { return out }
        }
    }

    private static let threeCharPunct: Set<String> = ["<<=", ">>="]
    private static let twoCharPunct: Set<String> = [
        "++", "--", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "&=", "|=", "^=", "::",
    ]

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func skipSpaceAndComments() {
        while let c = peek() {
            if c == 0x0A { line += 1; index += 1 }
            else if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0C || c == 0x60 { index += 1 } // backticks are MilkDrop's line marks
            else if c == 0x2F, peek(1) == 0x2F {
                while let d = peek(), d != 0x0A { index += 1 }
            } else if c == 0x2F, peek(1) == 0x2A {
                index += 2
                while let d = peek(), !(d == 0x2A && peek(1) == 0x2F) {
                    if d == 0x0A { line += 1 }
                    index += 1
                }
                index = min(index + 2, bytes.count)
            } else { return }
        }
    }

    private static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private func text(_ start: Int) -> String { String(decoding: bytes[start..<index], as: UTF8.self) }

    mutating func next() throws -> Token {
        skipSpaceAndComments()
        guard let c = peek() else { return Token(kind: .end, text: "", line: line) }
        let start = index
        if c == 0x23 { // '#': the rest of the line, with backslash continuations
            while let d = peek(), d != 0x0A {
                if d == 0x5C, peek(1) == 0x0A { line += 1; index += 2; continue }
                index += 1
            }
            return Token(kind: .directive, text: text(start), line: line)
        }
        if Self.isIdentStart(c) {
            while let d = peek(), Self.isIdentStart(d) || Self.isDigit(d) { index += 1 }
            return Token(kind: .identifier, text: text(start), line: line)
        }
        if Self.isDigit(c) || (c == 0x2E && peek(1).map(Self.isDigit) == true) {
            return lexNumber(start)
        }
        for (length, set) in [(3, Self.threeCharPunct), (2, Self.twoCharPunct)] where index + length <= bytes.count {
            let candidate = String(decoding: bytes[index..<index + length], as: UTF8.self)
            if set.contains(candidate) { index += length; return Token(kind: .punctuation, text: candidate, line: line) }
        }
        let single: Set<UInt8> = Set("+-*/%=<>!&|^~?:;,.(){}[]".utf8)
        guard single.contains(c) else {
            throw ShaderTranslationError.syntax(line: line, message: "unexpected character '\(String(decoding: [c], as: UTF8.self))'")
        }
        index += 1
        return Token(kind: .punctuation, text: text(start), line: line)
    }

    private mutating func lexNumber(_ start: Int) -> Token {
        var isFloat = false
        if peek() == 0x30, let x = peek(1), x == 0x78 || x == 0x58 {
            index += 2
            while let d = peek(), Self.isDigit(d) || (d | 0x20 >= 0x61 && d | 0x20 <= 0x66) { index += 1 }
            return Token(kind: .intLiteral, text: text(start), line: line)
        }
        while let d = peek(), Self.isDigit(d) { index += 1 }
        if peek() == 0x2E { isFloat = true; index += 1; while let d = peek(), Self.isDigit(d) { index += 1 } }
        if let e = peek(), e == 0x65 || e == 0x45 {
            let signed = peek(1) == 0x2B || peek(1) == 0x2D
            if let d = peek(signed ? 2 : 1), Self.isDigit(d) {
                isFloat = true
                index += signed ? 2 : 1
                while let d = peek(), Self.isDigit(d) { index += 1 }
            }
        }
        let digits = text(start)
        if let s = peek(), s == 0x66 || s == 0x46 || s == 0x68 || s == 0x48 { isFloat = true; index += 1 } // f/h suffix
        else if let s = peek(), s == 0x75 || s == 0x55 || s == 0x6C || s == 0x4C { index += 1 } // u/l suffix
        return Token(kind: isFloat ? .floatLiteral : .intLiteral, text: digits, line: line)
    }
}
