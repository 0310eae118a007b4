/// The plain tree-walking evaluator: the executable specification the fast evaluator is tested against.
///
/// Like projectm-eval, an expression yields either a value or a reference (a variable, register or memory cell),
/// and a function reads its arguments' references only after evaluating all of them: `x + (x = 5)` is 10.
struct ReferenceEvaluator {
    /// A value, or a place whose value is read when used.
    enum Ref {
        case value(Double)
        case variable(Int)
        case register(Int)
        case memory(global: Bool, index: Int32)
    }

    /// Evaluates a constant-only expression (used for compile-time folding).
    static func evaluateConstant(_ e: Expression, in context: inout ExpressionContext) -> Double {
        let node = Node(e, in: &context)
        return ReferenceEvaluator.read(eval(node, &context), &context)
    }

    /// Runs statements in order.
    static func run(_ statements: [Node], _ c: inout ExpressionContext) {
        c.loopBudget = c.loopIterationLimit
        for s in statements { _ = eval(s, &c) }
    }

    @inline(__always) static func read(_ r: Ref, _ c: inout ExpressionContext) -> Double {
        switch r {
        case .value(let v): return v
        case .variable(let i): return c.values[i]
        case .register(let i): return c.shared.registers[i]
        case .memory(let global, let index):
            return global ? c.shared.gmegabuf.read(index) : c.megabuf.read(index)
        }
    }

    @inline(__always) static func write(_ r: Ref, _ v: Double, _ c: inout ExpressionContext) -> Ref {
        switch r {
        case .value: return .value(v)
        case .variable(let i): c.values[i] = v
        case .register(let i): c.shared.registers[i] = v
        case .memory(let global, let index):
            if global { c.shared.gmegabuf.write(index, v) } else { c.megabuf.write(index, v) }
            if index < 0 || Int(index) >= MemoryBuffer.capacity { return .value(v) }
        }
        return r
    }

    static func value(_ n: Node, _ c: inout ExpressionContext) -> Double { read(eval(n, &c), &c) }

    static func eval(_ n: Node, _ c: inout ExpressionContext) -> Ref {
        switch n {
        case .constant(let v): return .value(v)
        case .variable(let i): return .variable(i)
        case .register(let i): return .register(i)
        case .list(let items):
            var last = Ref.value(0)
            for item in items { last = eval(item, &c) }
            return last
        case .call(let f, let args): return call(f, args, &c)
        }
    }

    private static func call(_ f: Builtin, _ args: [Node], _ c: inout ExpressionContext) -> Ref {
        switch f {
        case .ifElse:
            return value(args[0], &c) != 0 ? eval(args[1], &c) : eval(args[2], &c)
        case .boolAnd:
            guard ScalarMath.truth(value(args[0], &c)) else { return .value(0) }
            return .value(ScalarMath.truth(value(args[1], &c)) ? 1 : 0)
        case .boolOr:
            if ScalarMath.truth(value(args[0], &c)) { return .value(1) }
            return .value(ScalarMath.truth(value(args[1], &c)) ? 1 : 0)
        case .loop:
            var count = ScalarMath.toInt64(value(args[0], &c))
            if count > ScalarMath.maxLoopCount { count = ScalarMath.maxLoopCount }
            var last = Ref.value(0)
            var i: Int64 = 0
            while i < count && c.loopBudget > 0 {
                c.loopBudget -= 1
                last = eval(args[1], &c)
                i += 1
            }
            return last
        case .whileLoop:
            var remaining = ScalarMath.maxLoopCount
            var last: Ref
            repeat {
                last = eval(args[0], &c)
                remaining -= 1
                c.loopBudget -= 1
            } while ScalarMath.truth(read(last, &c)) && remaining > 0 && c.loopBudget > 0
            return last
        case .exec2:
            _ = eval(args[0], &c)
            return eval(args[1], &c)
        case .exec3:
            _ = eval(args[0], &c)
            _ = eval(args[1], &c)
            return eval(args[2], &c)
        case .set:
            let target = eval(args[0], &c)
            let v = value(args[1], &c)
            return write(target, v, &c)
        case .addOp, .subOp, .mulOp, .divOp, .modOp, .powOp, .orOp, .andOp:
            let target = eval(args[0], &c)
            let v = value(args[1], &c)
            let result = ScalarMath.binary(f.compoundOperation ?? .add, read(target, &c), v)
            return write(target, result, &c)
        case .megabuf, .gmegabuf:
            let index = ScalarMath.memoryIndex(value(args[0], &c))
            guard index >= 0, Int(index) < MemoryBuffer.capacity else { return .value(0) }
            return .memory(global: f == .gmegabuf, index: index)
        case .freembuf:
            return eval(args[0], &c)
        case .memset, .memcpy:
            let dest = eval(args[0], &c)
            let a = eval(args[1], &c)
            let b = eval(args[2], &c)
            let (d, x, y) = (read(dest, &c), read(a, &c), read(b, &c))
            if f == .memset { c.megabuf.set(dest: d, value: x, count: y) } else { c.megabuf.copy(dest: d, source: x, count: y) }
            return dest
        case .rand:
            return .value(c.shared.random.rand(value(args[0], &c)))
        default:
            if f.arity == 1 { return .value(ScalarMath.unary(f, value(args[0], &c))) }
            // Both arguments are evaluated before either reference is read.
            let a = eval(args[0], &c)
            let b = eval(args[1], &c)
            return .value(ScalarMath.binary(f, read(a, &c), read(b, &c)))
        }
    }
}
