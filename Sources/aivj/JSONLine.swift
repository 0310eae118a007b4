import Foundation

/// A value as one line of sorted-key JSON, as the `--json` outputs print it.
///
/// `escapingSlashes` keeps Foundation's default `\/` for the outputs that have always printed it that way.
func jsonLine<T: Encodable>(_ value: T, escapingSlashes: Bool = false) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = escapingSlashes ? [.sortedKeys] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
