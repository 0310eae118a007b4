/// Splits expression source into tokens the way projectm-eval's scanner does.
///
/// Numbers are parsed as doubles (`1`, `1.`, `.5`, `1e-3`); `$PI`, `$E` and `$PHI` are the single-precision
/// constants projectm-eval uses; `$Xhh` is hexadecimal and `$'c'` a character code. Names are case-insensitive
/// and `//` / `/* */` comments are skipped.
struct Lexer {
    private let bytes: [UInt8]

    init(_ source: String) { bytes = Array(source.utf8) }

    /// All tokens of the source, ending with `.end`.
    func tokens() -> [Token] {
        var result: [Token] = []
        var i = 0
        let n = bytes.count
        func at(_ k: Int) -> UInt8 { k < n ? bytes[k] : 0 }
        while i < n {
            let c = bytes[i]
            // Whitespace (space, \t \n \v \f \r) between tokens.
            if c == 32 || (c >= 9 && c <= 13) { i += 1; continue }
            if c == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: "/") {
                while i < n && bytes[i] != 10 { i += 1 }
                continue
            }
            if c == UInt8(ascii: "/") && at(i + 1) == UInt8(ascii: "*") {
                i += 2
                while i < n && !(bytes[i] == UInt8(ascii: "*") && at(i + 1) == UInt8(ascii: "/")) { i += 1 }
                i = min(n, i + 2)
                continue
            }
            let start = i
            if isDigit(c) || (c == UInt8(ascii: ".") && isDigit(at(i + 1))) {
                let (value, length) = scanNumber(from: i)
                result.append(Token(kind: .number(value), offset: start))
                i += length
                continue
            }
            if isNameStart(c) {
                var j = i
                while j < n && (isNameStart(bytes[j]) || isDigit(bytes[j])) { j += 1 }
                let name = String(decoding: bytes[i..<j], as: UTF8.self).lowercased()
                result.append(Token(kind: name == "gmem" ? .gmem : .name(name), offset: start))
                i = j
                continue
            }
            if c == UInt8(ascii: "$") {
                if let (value, length) = scanDollar(from: i) {
                    result.append(Token(kind: .number(value), offset: start))
                    i += length
                    continue
                }
                result.append(Token(kind: .invalid("$"), offset: start))
                i += 1
                continue
            }
            if let op = scanOperator(from: i) {
                result.append(Token(kind: .op(op), offset: start))
                i += op.utf8.count
                continue
            }
            let scalarLength = utf8Length(c)
            let text = String(decoding: bytes[i..<min(n, i + scalarLength)], as: UTF8.self)
            result.append(Token(kind: .invalid(text), offset: start))
            i += scalarLength
        }
        result.append(Token(kind: .end, offset: n))
        return result
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private func isNameStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }
    private func utf8Length(_ c: UInt8) -> Int {
        c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
    }

    /// `DIGITS [. DIGITS] [e[+-]DIGITS]`, as atof reads it.
    private func scanNumber(from start: Int) -> (Double, Int) {
        var i = start
        let n = bytes.count
        var intPart = ""
        var fracPart = ""
        while i < n && isDigit(bytes[i]) { intPart.append(Character(UnicodeScalar(bytes[i]))); i += 1 }
        if i < n && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && isDigit(bytes[i]) { fracPart.append(Character(UnicodeScalar(bytes[i]))); i += 1 }
        }
        var exponent = ""
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            var j = i + 1
            var sign = ""
            if j < n && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) {
                sign = String(UnicodeScalar(bytes[j])); j += 1
            }
            if j < n && isDigit(bytes[j]) {
                var digits = ""
                while j < n && isDigit(bytes[j]) { digits.append(Character(UnicodeScalar(bytes[j]))); j += 1 }
                exponent = "e" + sign + digits
                i = j
            }
        }
        let text = (intPart.isEmpty ? "0" : intPart) + "." + (fracPart.isEmpty ? "0" : fracPart) + exponent
        return (Double(text) ?? 0, i - start)
    }

    /// `$PI`, `$E`, `$PHI` (single-precision values, as projectm-eval defines them), `$Xhex`, `$'c'`.
    private func scanDollar(from start: Int) -> (Double, Int)? {
        let n = bytes.count
        func lower(_ k: Int) -> UInt8 { k < n ? (bytes[k] | 0x20) : 0 }
        if lower(start + 1) == UInt8(ascii: "x") {
            var j = start + 2
            var value: UInt64 = 0
            var overflow = false
            while j < n, let d = hexValue(bytes[j]) {
                let (m, o1) = value.multipliedReportingOverflow(by: 16)
                let (s, o2) = m.addingReportingOverflow(UInt64(d))
                overflow = overflow || o1 || o2
                value = s
                j += 1
            }
            if j > start + 2 { return (overflow ? Double(UInt64.max) : Double(value), j - start) }
        }
        if start + 3 < n + 0, start + 3 <= n - 1, bytes[start + 1] == UInt8(ascii: "'"),
           bytes[start + 2] != 10, bytes[start + 3] == UInt8(ascii: "'") {
            return (Double(Int8(bitPattern: bytes[start + 2])), 4)
        }
        // Longest match first: `$PHI` before `$PI`/`$E`.
        if lower(start + 1) == UInt8(ascii: "p") && lower(start + 2) == UInt8(ascii: "h") && lower(start + 3) == UInt8(ascii: "i") {
            return (Double(Float(1.61803399)), 4)
        }
        if lower(start + 1) == UInt8(ascii: "p") && lower(start + 2) == UInt8(ascii: "i") {
            return (Double(Float(3.141592653589793)), 3)
        }
        if lower(start + 1) == UInt8(ascii: "e") {
            return (Double(Float(2.71828183)), 2)
        }
        return nil
    }

    private func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }

    private static let twoCharOperators: Set<String> = [
        "+=", "-=", "%=", "|=", "&=", "/=", "*=", "^=", "==", "<=", ">=", "!=", "||", "&&",
    ]
    private static let oneCharOperators: Set<UInt8> = Set("<>+-*/%^&|!=()[]?:,;".utf8)

    private func scanOperator(from i: Int) -> String? {
        if i + 1 < bytes.count {
            let two = String(decoding: bytes[i...i + 1], as: UTF8.self)
            if Self.twoCharOperators.contains(two) { return two }
        }
        if Self.oneCharOperators.contains(bytes[i]) { return String(UnicodeScalar(bytes[i])) }
        return nil
    }
}
