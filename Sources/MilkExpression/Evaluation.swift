/// One-shot evaluation for tools: compile code in a fresh context, preset some variables, run once.
public struct Evaluation: Sendable {
    /// Every variable after the run (including the preset ones), in creation order.
    public var variables: [(name: String, value: Double)]
    /// Registers `reg00`…`reg99` that are not zero after the run.
    public var registers: [(name: String, value: Double)]
    /// Statements that were dropped.
    public var diagnostics: [ExpressionDiagnostic]

    /// Compiles and runs `code` once with the fast evaluator (or the reference one when `reference` is set).
    public init(code: String, settings: [(name: String, value: Double)] = [], seed: UInt32 = MersenneTwister.milkDropSeed,
                reference: Bool = false) {
        var context = ExpressionContext(seed: seed)
        for (name, value) in settings { context[context.slot(name)] = value }
        let compiled = context.compile(code)
        if reference { compiled.runReference(in: &context) } else { compiled.run(in: &context) }
        variables = context.variables
        registers = context.shared.registers.enumerated().filter { $0.element != 0 }.map {
            (String(format2: $0.offset), $0.element)
        }
        diagnostics = compiled.diagnostics
    }

    /// `name = value` lines, then one line per dropped statement.
    public var text: String { (valueLines + errorLines).joined(separator: "\n") }

    /// One `name = value` line per variable and non-zero register.
    public var valueLines: [String] { (variables + registers).map { "\($0.name) = \(Self.format($0.value))" } }

    /// One `error: line L, column C: message: statement` line per dropped statement.
    public var errorLines: [String] { diagnostics.map { "error: \($0.description): \($0.statement)" } }

    /// Shortest text that reads back as the same double (integers without a fraction).
    public static func format(_ v: Double) -> String {
        if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}

private extension String {
    init(format2 register: Int) { self = register < 10 ? "reg0\(register)" : "reg\(register)" }
}
