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
/// that one delimiter, kept verbatim (trailing spaces included). Lines with no delimiter (like `[preset00]`) are not
/// in MilkDrop's list of lines at all; lines whose first character is the delimiter are in it, with an empty name
/// no lookup matches (they matter for MilkDrop's "next line" rule, see `PresetReader`). A NUL byte ends the key or
/// the value it appears in, as it ends a C string in MilkDrop.
struct PresetEntries {
    /// Every line MilkDrop lists, in file order; keyless ones have an empty key.
    var entries: [PresetEntry] = []
    /// The lower-cased key of each of `entries`.
    var lowercasedKeys: [String] = []
    /// Lower-cased key → index in `entries` of its first occurrence.
    var firstIndex: [String: Int] = [:]
    var sectionHeaders: [String] = []
    var ignoredLineCount = 0
    var nulCount = 0
    /// How many entries have a key (keyless lines left out).
    var keyedCount = 0

    init(text: String) {
        var text = text
        text.withUTF8 { bytes in
            var lineCount = 1
            for byte in bytes where byte == 0x0A || byte == 0x0D { lineCount += 1 }
            entries.reserveCapacity(lineCount)
            lowercasedKeys.reserveCapacity(lineCount)
            firstIndex.reserveCapacity(lineCount)
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
                if i > start { addLine(bytes, start, i) }
                start = i + 1
            }
        }
    }

    /// Adds the line `bytes[start..<end]`.
    private mutating func addLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var delimiter = start
        while delimiter < end, bytes[delimiter] != 0x20, bytes[delimiter] != 0x3D { delimiter += 1 }
        guard delimiter < end else {
            if bytes[start] == UInt8(ascii: "[") {
                sectionHeaders.append(Self.string(bytes, start, end))
            } else if (start..<end).contains(where: { bytes[$0] != 0x09 && bytes[$0] != 0 }) {
                ignoredLineCount += 1
            }
            nulCount += (start..<end).count { bytes[$0] == 0 }
            return
        }
        let keyEnd = cStringEnd(bytes, start, delimiter)
        let valueEnd = cStringEnd(bytes, delimiter + 1, end)
        if keyEnd == start {
            ignoredLineCount += 1
            entries.append(PresetEntry(key: "", value: ""))
            lowercasedKeys.append("")
            return
        }
        let key = Self.string(bytes, start, keyEnd)
        var lower = key
        if (start..<keyEnd).contains(where: { bytes[$0] >= 0x41 && bytes[$0] <= 0x5A }) {
            lower = Self.lowercased(UnsafeBufferPointer(rebasing: bytes[start..<keyEnd]))
        }
        if firstIndex[lower] == nil { firstIndex[lower] = entries.count }
        entries.append(PresetEntry(key: key, value: Self.string(bytes, delimiter + 1, valueEnd)))
        lowercasedKeys.append(lower)
        keyedCount += 1
    }

    /// Where the C string starting at `start` ends (its first NUL, or `end`), counting the NULs dropped.
    private mutating func cStringEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard let nul = (start..<end).first(where: { bytes[$0] == 0 }) else { return end }
        nulCount += (nul..<end).count { bytes[$0] == 0 }
        return nul
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// ASCII lower-casing, as C's `tolower` in the "C" locale.
    static func lowercased<C: Collection<UInt8>>(_ bytes: C) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func lowercased(_ key: String) -> String { lowercased(key.utf8) }
}
