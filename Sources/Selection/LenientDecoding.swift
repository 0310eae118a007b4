import Foundation

/// One list item decoded on its own, so a bad item is reported and skipped instead of failing the whole file.
struct Failable<T: Decodable>: Decodable {
    let result: Result<T, any Error>

    init(from decoder: any Decoder) throws {
        do { result = .success(try T(from: decoder)) } catch { result = .failure(error) }
    }
}

/// An item of a list that was left out while decoding, with the reason in one line.
public struct SkippedItem: Sendable, Equatable {
    /// Position in the list, or the key in a dictionary.
    public var position: String
    public var reason: String
}

enum JSONFiles {
    /// A decoder that lets `"nan"`, `"inf"`, `"-inf"` through as numbers, so that they are reported per item.
    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Pretty, sorted, newline-terminated JSON, so that writing the same value twice gives the same bytes.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try e.encode(value)
        data.append(0x0A)
        return data
    }

    /// A decoding error in one line: what was wrong and where.
    static func describe(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "top level" : p
        }
        switch error {
        case let DecodingError.typeMismatch(type, ctx): return "\(path(ctx.codingPath)): expected \(type)"
        case let DecodingError.valueNotFound(type, ctx): return "\(path(ctx.codingPath)): expected \(type), found null"
        case let DecodingError.keyNotFound(key, ctx): return "\(path(ctx.codingPath + [key])): missing"
        case let DecodingError.dataCorrupted(ctx):
            guard ctx.codingPath.isEmpty else { return "\(path(ctx.codingPath)): \(ctx.debugDescription)" }
            let detail = (ctx.underlyingError as NSError?).map { " (\($0.localizedDescription))" } ?? ""
            return "malformed JSON\(detail)".replacingOccurrences(of: "\n", with: " ")
        default: return "\(error)"
        }
    }
}
