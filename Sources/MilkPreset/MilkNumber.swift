/// Numbers as MilkDrop reads them from a preset value: `sscanf("%f")` and `sscanf("%d")` semantics.
///
/// Leading whitespace is skipped, then the longest number prefix is taken and anything after it is ignored
/// (`"0.5 // half"` is 0.5). With no number at the start, the key keeps its default, as in MilkDrop.
public enum MilkNumber {
    /// The float `sscanf("%f")` would read: `.5`, `5.`, `1e-3`, `+2`, `inf`, trailing junk ignored; nil when none.
    ///
    /// NaN is refused (nil): a preset value of NaN would make two reads of one file compare unequal, and MilkDrop's
    /// MSVC runtime of the time did not read it either.
    public static func float<S: StringProtocol>(_ text: S) -> Float? {
        let bytes = Array(text.utf8.prefix(256))
        var i = skipSpace(bytes, 0)
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        let afterSign = i
        var mantissaDigits = 0
        while i < bytes.count, isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < bytes.count, isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        }
        if mantissaDigits == 0 { return infinity(bytes, afterSign, negative: afterSign > start && bytes[start] == UInt8(ascii: "-")) }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var j = i + 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            if j < bytes.count, isDigit(bytes[j]) {
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                i = j
            }
        }
        let text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<i]), as: UTF8.self) }
        guard let value = Double(text) else { return nil }
        return Float(value)
    }

    /// The integer `sscanf("%d")` would read: optional sign and digits, anything after ignored (`"1.9"` is 1);
    /// clamped to the 32-bit range MilkDrop's `int` holds. Nil when the value does not start with a digit.
    public static func int<S: StringProtocol>(_ text: S) -> Int? {
        let bytes = Array(text.utf8.prefix(256))
        var i = skipSpace(bytes, 0)
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < bytes.count, isDigit(bytes[i]) else { return nil }
        var value = 0
        while i < bytes.count, isDigit(bytes[i]) {
            value = min(value * 10 + Int(bytes[i] - UInt8(ascii: "0")), Int(Int32.max) + 1)
            i += 1
        }
        return negative ? max(-value, Int(Int32.min)) : min(value, Int(Int32.max))
    }

    /// The shortest text that `float` reads back as exactly `value`. Infinities are written as `1e39` / `-1e39`,
    /// which overflow to infinity in any `sscanf`, where older C runtimes do not read `inf`.
    public static func text(_ value: Float) -> String {
        if value.isInfinite { return value < 0 ? "-1e39" : "1e39" }
        if value == value.rounded(), abs(value) < 1e7 { return String(Int(value)) }
        return value.description
    }

    private static func infinity(_ bytes: [UInt8], _ i: Int, negative: Bool) -> Float? {
        let word = bytes[i...].prefix(3).map { $0 | 0x20 }
        guard word == Array("inf".utf8) else { return nil }
        return negative ? -.infinity : .infinity
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int) -> Int {
        var i = start
        // isspace in the C locale: space, \t, \n, \v, \f, \r.
        while i < bytes.count, bytes[i] == 0x20 || (0x09...0x0D).contains(bytes[i]) { i += 1 }
        return i
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
