/// A parsed expression: a syntax tree whose nodes are constants, variables, function calls and statement lists.
indirect enum Expression: Sendable, Equatable {
    case constant(Double)
    /// A variable by lower-case name; `reg00`…`reg99` name the session-wide registers.
    case variable(String)
    case call(Builtin, [Expression])
    /// Statements in order; the value is the last one's.
    case list([Expression])

    /// True when evaluating this can write a variable, register or memory (projectm-eval's "state changing").
    var changesState: Bool {
        switch self {
        case .constant, .variable: return false
        case .call(let f, let args): return f.changesState || args.contains { $0.changesState }
        case .list(let items): return items.contains { $0.changesState }
        }
    }
}

extension Builtin: Equatable {}

extension Expression {
    /// Builds a call node, folding it to a constant when projectm-eval would (every argument constant and the
    /// function pure); folding runs the reference semantics, so both evaluators see the same value.
    static func makeCall(_ f: Builtin, _ args: [Expression]) -> Expression {
        let node = Expression.call(f, args)
        guard f.isConstantFoldable, args.allSatisfy(\.isConstant) else { return node }
        var context = ExpressionContext()
        let value = ReferenceEvaluator.evaluateConstant(node, in: &context)
        return .constant(value)
    }

    /// Builds a statement list as projectm-eval does: statements before the last that change nothing are dropped.
    static func makeList(_ items: [Expression]) -> Expression {
        var kept: [Expression] = []
        for (i, item) in items.enumerated() where i == items.count - 1 || item.changesState {
            kept.append(item)
        }
        if kept.count == 1 { return kept[0] }
        if kept.allSatisfy(\.isConstant), let last = kept.last { return last }
        return .list(kept)
    }

    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }
}
