/// How a preset file's bytes were turned into text.
public enum PresetTextEncoding: String, Sendable, Hashable, Codable {
    /// Valid UTF-8 (plain ASCII included).
    case utf8
    /// Not valid UTF-8: read as Windows-1252, with its five unassigned bytes kept as the C1 controls of the same
    /// number, so every byte maps to one character and back.
    case windows1252
    /// UTF-16 with a byte order mark (little- or big-endian), as some Windows editors save.
    case utf16
}

/// The text of a preset file and what was found while decoding it.
struct PresetText {
    var text: String
    var encoding: PresetTextEncoding
    var hadByteOrderMark: Bool

    /// Decodes `bytes`: a UTF-8 byte order mark is dropped; valid UTF-8 is read as such, anything else as Windows-1252.
    init(bytes: [UInt8]) {
        var body = bytes[...]
        if let text = Self.utf16(bytes) {
            self.text = text
            encoding = .utf16
            hadByteOrderMark = true
            return
        }
        hadByteOrderMark = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hadByteOrderMark { body = body.dropFirst(3) }
        if let text = body.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) {
            self.text = text
            encoding = .utf8
        } else {
            var scalars = String.UnicodeScalarView()
            scalars.reserveCapacity(body.count)
            for byte in body { scalars.append(Windows1252.scalar(byte)) }
            text = String(scalars)
            encoding = .windows1252
        }
    }
}

extension PresetText {
    /// The text of UTF-16 bytes that start with a byte order mark, or nil. Unpaired surrogates become U+FFFD.
    static func utf16(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 - 1)
        var i = 2
        while i + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i])
            units.append(UInt16(high) << 8 | UInt16(low))
            i += 2
        }
        return String(decoding: units, as: UTF16.self)
    }
}

/// The Windows-1252 code page, both ways, without loss for any byte.
public enum Windows1252 {
    /// The characters of bytes 0x80…0x9F; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and map to U+0081 … U+009D.
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character for one byte.
    public static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80, byte <= 0x9F, let scalar = Unicode.Scalar(high[Int(byte - 0x80)]) { return scalar }
        return Unicode.Scalar(byte)
    }

    /// The bytes of `text` in Windows-1252, or nil if some character has no byte there.
    public static func encode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 || (value >= 0xA0 && value <= 0xFF) {
                bytes.append(UInt8(value))
            } else if let index = high.firstIndex(of: value) {
                bytes.append(UInt8(0x80 + index))
            } else {
                return nil
            }
        }
        return bytes
    }
}
