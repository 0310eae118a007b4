/// One `key=value` line of a preset file, with the key as written.
public struct PresetEntry: Sendable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// The `key=value` lines of a preset's text, split as MilkDrop and projectM split them.
///
/// A line ends at CR, LF or CRLF. The key is everything before the first space or `=`; the value is everything after
/// that one delimiter, kept verbatim (trailing spaces included). Lines with no delimiter (like `[preset00]`), or
/// whose first character is the delimiter, carry no key. A NUL byte ends the key or the value it appears in, as it
/// ends a C string in MilkDrop.
struct PresetEntries {
    var entries: [PresetEntry] = []
    /// Lower-cased key → index in `entries` of its first occurrence, the one MilkDrop reads.
    var firstIndex: [String: Int] = [:]
    var sectionHeaders: [String] = []
    var ignoredLineCount = 0
    var nulCount = 0

    init(text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
                if i > start { addLine(bytes[start..<i]) }
                start = i + 1
            }
            i += 1
        }
    }

    private mutating func addLine(_ line: ArraySlice<UInt8>) {
        guard let delimiter = line.firstIndex(where: { $0 == 0x20 || $0 == 0x3D }), delimiter > line.startIndex else {
            if line.first == UInt8(ascii: "[") {
                sectionHeaders.append(String(decoding: line, as: UTF8.self))
            } else if line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0 }) {
                ignoredLineCount += 1
            }
            nulCount += line.lazy.filter { $0 == 0 }.count
            return
        }
        let keyBytes = cString(line[line.startIndex..<delimiter])
        let valueBytes = cString(line[(delimiter + 1)...])
        guard !keyBytes.isEmpty else {
            ignoredLineCount += 1
            return
        }
        let key = String(decoding: keyBytes, as: UTF8.self)
        let lower = Self.lowercased(keyBytes)
        if firstIndex[lower] == nil { firstIndex[lower] = entries.count }
        entries.append(PresetEntry(key: key, value: String(decoding: valueBytes, as: UTF8.self)))
    }

    /// The bytes before the first NUL, counting the NULs dropped.
    private mutating func cString(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let nul = bytes.firstIndex(of: 0) else { return bytes }
        nulCount += bytes[nul...].lazy.filter { $0 == 0 }.count
        return bytes[..<nul]
    }

    /// ASCII lower-casing, as C's `tolower` in the "C" locale.
    static func lowercased<C: Collection<UInt8>>(_ bytes: C) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func lowercased(_ key: String) -> String { lowercased(key.utf8) }
}
