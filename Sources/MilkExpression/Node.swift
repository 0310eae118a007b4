/// An expression whose variables are resolved to slots of one context: what both evaluators run.
indirect enum Node: Sendable {
    case constant(Double)
    case variable(Int)
    case register(Int)
    case call(Builtin, [Node])
    case list([Node])

    /// Resolves names against a context, creating the variables it needs.
    init(_ e: Expression, in context: inout ExpressionContext) {
        switch e {
        case .constant(let v): self = .constant(v)
        case .variable(let name):
            let s = context.slot(name)
            self = s.isRegister ? .register(s.registerIndex) : .variable(s.variableIndex)
        case .call(let f, let args): self = .call(f, args.map { Node($0, in: &context) })
        case .list(let items): self = .list(items.map { Node($0, in: &context) })
        }
    }

    /// True when evaluating can write variables, registers or memory.
    var writes: Bool {
        switch self {
        case .constant, .variable, .register: return false
        case .call(let f, let args): return f.changesState || args.contains { $0.writes }
        case .list(let items): return items.contains { $0.writes }
        }
    }

    /// True when the node reads or writes state beyond plain variables (memory, random generator) or loops.
    var hasSideEffectsOrCost: Bool {
        switch self {
        case .constant, .variable, .register: return false
        case .call(let f, let args):
            switch f {
            case .rand, .loop, .whileLoop, .megabuf, .gmegabuf, .memcpy, .memset, .freembuf: return true
            default: return f.changesState || args.contains { $0.hasSideEffectsOrCost }
            }
        case .list(let items): return items.contains { $0.hasSideEffectsOrCost }
        }
    }
}
