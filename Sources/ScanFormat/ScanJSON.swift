import Foundation

/// How scan files are written and read: sorted keys, unescaped slashes, so equal values give equal bytes.
public enum ScanJSON {
    /// One value as one line of compact JSON, with no newline.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Pretty-printed JSON with a final newline (the manifest files).
    public static func pretty<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }

    /// Decodes JSON Lines; a blank line is skipped, a bad one throws with its 1-based number.
    public static func lines<T: Decodable>(_ type: T.Type, from data: Data) throws -> [T] {
        var values: [T] = []
        let decoder = JSONDecoder()
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do { values.append(try decoder.decode(type, from: Data(line))) } catch {
                throw ScanFormatError.badLine(number: number + 1, reason: describe(error))
            }
        }
        return values
    }

    /// A decoding error in one short line.
    public static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(let type, let context): "\(path(context)): expected \(type)"
        case DecodingError.valueNotFound(let type, let context): "\(path(context)): expected \(type)"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        default: "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

/// Errors reading scan files.
public enum ScanFormatError: Error, CustomStringConvertible, Equatable {
    case badLine(number: Int, reason: String)

    public var description: String {
        switch self {
        case .badLine(let number, let reason): "line \(number): \(reason)"
        }
    }
}
