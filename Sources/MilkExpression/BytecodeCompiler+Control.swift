/// Control flow, assignment and the operator tables of the bytecode compiler.
extension BytecodeCompiler {
    /// `if(c, a, b)`: a select when both branches are pure, else a branch.
    mutating func ifElse(_ args: [Node]) throws(Unsupported) -> Int32 {
        let cond = try value(args[0])
        if !args[1].hasSideEffectsOrCost && !args[2].hasSideEffectsOrCost {
            let a = try value(args[1])
            let b = try value(args[2])
            let d = isTemp(cond) ? cond : isTemp(a) ? a : isTemp(b) ? b : temp()
            emit(.select, d, cond, a, b)
            for r in [cond, a, b] where r != d { free(r) }
            return d
        }
        let result = temp()
        let branch = here
        emit(.jumpIfZero, 0, cond)
        free(cond)
        _ = try value(args[1], into: result)
        let skip = here
        emit(.jump, 0)
        code[Int(branch)].d = here
        _ = try value(args[2], into: result)
        code[Int(skip)].d = here
        return result
    }

    /// `a && b`, `a || b`: the right side only runs when needed (computed anyway when pure).
    mutating func logical(_ isAnd: Bool, _ args: [Node]) throws(Unsupported) -> Int32 {
        let a = try value(args[0])
        if !args[1].hasSideEffectsOrCost {
            let b = try value(args[1])
            let d = isTemp(a) ? a : isTemp(b) ? b : temp()
            emit(isAnd ? .land : .lor, d, a, b)
            for r in [a, b] where r != d { free(r) }
            return d
        }
        let result = temp()
        emit(.mov, result, constant(isAnd ? 0 : 1))
        let branch = here
        emit(isAnd ? .jumpIfFalse : .jumpIfTrue, 0, a)
        free(a)
        let b = try value(args[1])
        emit(.truth, result, b)
        free(b)
        code[Int(branch)].d = here
        return result
    }

    /// `loop(n, body)`: n evaluated once, capped at 1,048,576; the value is the last body's (0 if none ran).
    mutating func loop(_ args: [Node]) throws(Unsupported) -> Int32 {
        let n = try value(args[0])
        let counter = temp()
        emit(.loopInit, counter, n)
        free(n)
        let result = temp()
        emit(.mov, result, constant(0))
        let top = here
        emit(.loopNext, 0, counter)
        _ = try value(args[1], into: result)
        emit(.jump, top)
        code[Int(top)].d = here
        free(counter)
        return result
    }

    /// `while(body)`: runs until the body's value is (near) zero, at most 1,048,576 times.
    mutating func whileLoop(_ args: [Node]) throws(Unsupported) -> Int32 {
        let counter = temp()
        emit(.mov, counter, constant(Double(ScalarMath.maxLoopCount)))
        let result = temp()
        let top = here
        _ = try value(args[0], into: result)
        emit(.whileNext, top, counter, result)
        free(counter)
        return result
    }

    /// `target = v` and the compound assignments; yields the target as a reference.
    mutating func assign(_ f: Builtin, _ targetNode: Node, _ rhs: Node) throws(Unsupported) -> Operand {
        let t = try target(targetNode)
        if f == .set {
            switch t {
            case .variable(let r):
                _ = try value(rhs, into: r)
                return .reg(r)
            case .mem(let global, let index, let oldFallback):
                if let oldFallback { free(oldFallback) }
                var v = try value(rhs)
                if isLocal(v) {
                    // The fallback must keep the assigned value even if the variable changes later.
                    let t = temp()
                    emit(.mov, t, v)
                    v = t
                }
                emit(global ? .gmemWrite : .memWrite, 0, index, v)
                return .mem(global: global, index: index, fallback: v)
            case .value(let old):
                free(old)
                return .reg(try value(rhs))
            }
        }
        guard let op = f.compoundOperation.flatMap(Self.binaryOp) else { throw Unsupported() }
        let v = try value(rhs)
        switch t {
        case .variable(let r):
            emit(op, r, r, v)
            free(v)
            return .reg(r)
        case .mem(let global, let index, let oldFallback):
            let cur = temp()
            emitRead(global, cur, index, oldFallback)
            if let oldFallback { free(oldFallback) }
            emit(op, cur, cur, v)
            emit(global ? .gmemWrite : .memWrite, 0, index, cur)
            free(v)
            return .mem(global: global, index: index, fallback: cur)
        case .value(let old):
            let d = isTemp(old) ? old : temp()
            emit(op, d, old, v)
            free(v)
            return .reg(d)
        }
    }

    /// Evaluates the place an assignment writes to.
    mutating func target(_ n: Node) throws(Unsupported) -> Target {
        switch n {
        case .variable(let i): return .variable(local(Slot(variable: i)))
        case .register(let i): return .variable(local(Slot(register: i)))
        case .constant(let v): return .value(constant(v))
        case .list(let items):
            for item in items.dropLast() { release(try ref(item)) }
            return try target(items[items.count - 1])
        case .call(let f, let args):
            switch f {
            case .ifElse, .loop, .whileLoop: throw Unsupported()
            case .exec2, .exec3:
                for a in args.dropLast() { release(try ref(a)) }
                return try target(args[args.count - 1])
            case .freembuf: return try target(args[0])
            case .megabuf, .gmegabuf, .set, .addOp, .subOp, .mulOp, .divOp, .modOp, .powOp, .orOp, .andOp,
                 .memset, .memcpy:
                if Self.isConditionalRef(n) { throw Unsupported() }
                switch try ref(n) {
                case .mem(let g, let i, let fallback): return .mem(global: g, index: i, fallback: fallback)
                case .reg(let r): return isLocal(r) ? .variable(r) : .value(r)
                }
            default:
                return .value(try value(n))
            }
        }
    }

    static func unaryOp(_ f: Builtin) -> Instruction.Op? {
        switch f {
        case .neg: return .neg
        case .not: return .not
        case .sin: return .sin
        case .cos: return .cos
        case .tan: return .tan
        case .asin: return .asin
        case .acos: return .acos
        case .atan: return .atan
        case .sqr: return .sqr
        case .sqrt: return .sqrt
        case .exp: return .exp
        case .log: return .log
        case .log10: return .log10
        case .abs: return .abs
        case .sign: return .sign
        case .floor: return .floor
        case .ceil: return .ceil
        case .invsqrt: return .invsqrt
        default: return nil
        }
    }

    static func binaryOp(_ f: Builtin) -> Instruction.Op? {
        switch f {
        case .add: return .add
        case .sub: return .sub
        case .mul: return .mul
        case .div: return .div
        case .mod: return .mod
        case .pow: return .pow
        case .bitOr: return .bitOr
        case .bitAnd: return .bitAnd
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .below: return .below
        case .above: return .above
        case .belowEq: return .belowEq
        case .aboveEq: return .aboveEq
        case .band: return .band
        case .bor: return .bor
        case .atan2: return .atan2
        case .min: return .min
        case .max: return .max
        case .sigmoid: return .sigmoid
        default: return nil
        }
    }
}
