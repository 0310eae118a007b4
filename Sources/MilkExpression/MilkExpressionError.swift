/// Errors of the expression library's throwing entry points.
public enum MilkExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Code had statements that did not parse (strict compilation); the first one is described.
    case syntax(source: String, line: Int, column: Int, message: String)
    /// A `name=value` setting that is not a name followed by a number.
    case badSetting(String)

    public var description: String {
        switch self {
        case let .syntax(source, line, column, message): return "\(source): line \(line), column \(column): \(message)"
        case .badSetting(let s): return "setting '\(s)': expected name=number"
        }
    }
}

extension ExpressionContext {
    /// Compiles code and fails on the first statement that does not parse (instead of dropping it).
    public mutating func compileStrict(_ source: String, name: String = "code") throws(MilkExpressionError) -> CompiledCode {
        let code = compile(source)
        if let d = code.diagnostics.first {
            throw .syntax(source: name, line: d.line, column: d.column, message: d.message)
        }
        return code
    }
}

extension Evaluation {
    /// Parses `name=value` (as given to `aivj expr eval --set`).
    public static func parseSetting(_ text: String) throws(MilkExpressionError) -> (name: String, value: Double) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
        guard parts.count == 2, !parts[0].isEmpty, let v = Double(parts[1]) else { throw .badSetting(text) }
        return (parts[0], v)
    }
}

extension Substring {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
