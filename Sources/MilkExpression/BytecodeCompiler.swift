/// Compiles resolved statements to register bytecode for `FastProgram`.
///
/// Variables are referenced in place, so a binary operator reads its left variable only after evaluating its right
/// side, exactly like projectm-eval's references (`x + (x = 5)` is 10). Shapes whose reference behaviour the
/// bytecode cannot express (a conditional reference as an assignment target, or read after a write) throw
/// `Unsupported`, and the block runs on the reference evaluator instead.
struct BytecodeCompiler {
    struct Unsupported: Error {}

    /// A value in a register, or a memory cell read only when used. After an assignment to a cell, `fallback`
    /// holds the assigned value: projectm-eval's reference to an out-of-range cell is a temporary holding it.
    enum Operand { case reg(Int32), mem(global: Bool, index: Int32, fallback: Int32?) }
    /// What an assignment writes to.
    enum Target { case variable(Int32), mem(global: Bool, index: Int32, fallback: Int32?), value(Int32) }

    // Registers are numbered in three bands while compiling, then relocated to locals | constants | temps.
    private static let constBase: Int32 = 1 << 24
    private static let tempBase: Int32 = 1 << 25

    var code: [Instruction] = []
    var localBySlot: [Int32: Int32] = [:]
    var locals: [Slot] = []
    var constByBits: [UInt64: Int32] = [:]
    var constants: [Double] = []
    var freeTemps: [Int32] = []
    var tempCount: Int32 = 0

    /// Compiles statements into a program, or throws `Unsupported`.
    static func compile(_ statements: [Node]) throws(Unsupported) -> FastProgram {
        var c = BytecodeCompiler()
        for s in statements {
            let r = try c.ref(s)
            c.release(r)
        }
        return c.finish()
    }

    // MARK: Registers

    func isTemp(_ r: Int32) -> Bool { r >= Self.tempBase }
    func isLocal(_ r: Int32) -> Bool { r < Self.constBase }

    mutating func temp() -> Int32 {
        if let r = freeTemps.popLast() { return r }
        tempCount += 1
        return Self.tempBase + tempCount - 1
    }

    mutating func free(_ r: Int32) {
        if isTemp(r) && !freeTemps.contains(r) { freeTemps.append(r) }
    }

    mutating func release(_ o: Operand) {
        switch o {
        case .reg(let r): free(r)
        case .mem(_, let i, let fallback):
            free(i)
            if let fallback { free(fallback) }
        }
    }

    mutating func constant(_ v: Double) -> Int32 {
        if let r = constByBits[v.bitPattern] { return r }
        let r = Self.constBase + Int32(constants.count)
        constants.append(v)
        constByBits[v.bitPattern] = r
        return r
    }

    mutating func local(_ slot: Slot) -> Int32 {
        if let r = localBySlot[slot.raw] { return r }
        let r = Int32(locals.count)
        locals.append(slot)
        localBySlot[slot.raw] = r
        return r
    }

    mutating func emit(_ op: Instruction.Op, _ d: Int32, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0) {
        code.append(Instruction(op: op, d: d, a: a, b: b, c: c))
    }

    var here: Int32 { Int32(code.count) }

    // MARK: Expressions

    /// Evaluates a node to an operand (a reference where projectm-eval would return one).
    mutating func ref(_ n: Node) throws(Unsupported) -> Operand {
        switch n {
        case .constant(let v): return .reg(constant(v))
        case .variable(let i): return .reg(local(Slot(variable: i)))
        case .register(let i): return .reg(local(Slot(register: i)))
        case .list(let items):
            for item in items.dropLast() { release(try ref(item)) }
            return try ref(items[items.count - 1])
        case .call(let f, let args):
            switch f {
            case .megabuf, .gmegabuf:
                var index = try value(args[0])
                if !isTemp(index) && isLocal(index) {
                    // Snapshot the index: the cell is fixed when the reference is taken.
                    let t = temp()
                    emit(.mov, t, index)
                    index = t
                }
                return .mem(global: f == .gmegabuf, index: index, fallback: nil)
            case .freembuf:
                return try ref(args[0])
            case .exec2, .exec3:
                for a in args.dropLast() { release(try ref(a)) }
                return try ref(args[args.count - 1])
            case .set, .addOp, .subOp, .mulOp, .divOp, .modOp, .powOp, .orOp, .andOp:
                return try assign(f, args[0], args[1])
            case .memset, .memcpy:
                if (Self.isConditionalRef(args[0]) && (args[1].writes || args[2].writes))
                    || (Self.isConditionalRef(args[1]) && args[2].writes) {
                    throw Unsupported()
                }
                let dest = try ref(args[0])
                let a = try ref(args[1])
                let b = try ref(args[2])
                let (dv, av, bv) = (materializeCopy(dest), materialize(a), materialize(b))
                emit(f == .memset ? .memset : .memcpy, 0, dv, av, bv)
                if case .mem = dest { free(dv) }
                free(av)
                free(bv)
                return dest
            default:
                return .reg(try value(n))
            }
        }
    }

    /// Evaluates a node to a register holding its value, optionally into a given register.
    mutating func value(_ n: Node, into: Int32? = nil) throws(Unsupported) -> Int32 {
        guard case .call(let f, let args) = n else { return finishValue(try ref(n), into) }
        if let op = Self.unaryOp(f) {
            let a = try value(args[0])
            let d = into ?? (isTemp(a) ? a : temp())
            emit(op, d, a)
            if a != d { free(a) }
            return d
        }
        if let op = Self.binaryOp(f) {
            if Self.isConditionalRef(args[0]) && args[1].writes { throw Unsupported() }
            let l = try ref(args[0])
            let r = try ref(args[1])
            let lv = materialize(l)
            let rv = materialize(r)
            let d = into ?? (isTemp(lv) ? lv : isTemp(rv) ? rv : temp())
            emit(op, d, lv, rv)
            if lv != d { free(lv) }
            if rv != d { free(rv) }
            return d
        }
        switch f {
        case .ifElse: return finishValue(.reg(try ifElse(args)), into)
        case .boolAnd, .boolOr: return finishValue(.reg(try logical(f == .boolAnd, args)), into)
        case .loop: return finishValue(.reg(try loop(args)), into)
        case .whileLoop: return finishValue(.reg(try whileLoop(args)), into)
        case .rand:
            let a = try value(args[0])
            let d = into ?? (isTemp(a) ? a : temp())
            emit(.rand, d, a)
            if a != d { free(a) }
            return d
        default:
            return finishValue(try ref(n), into)
        }
    }

    mutating func finishValue(_ o: Operand, _ into: Int32?) -> Int32 {
        let v = materialize(o)
        guard let into, into != v else { return v }
        emit(.mov, into, v)
        free(v)
        return into
    }

    /// The value of an operand in a register (reading memory now); the index temp becomes the value temp.
    mutating func materialize(_ o: Operand) -> Int32 {
        switch o {
        case .reg(let r): return r
        case .mem(let global, let index, let fallback):
            let d = isTemp(index) ? index : temp()
            emitRead(global, d, index, fallback)
            if let fallback, fallback != d { free(fallback) }
            return d
        }
    }

    /// Like `materialize` but keeps a memory operand's index alive (the operand is returned as a reference).
    mutating func materializeCopy(_ o: Operand) -> Int32 {
        switch o {
        case .reg(let r): return r
        case .mem(let global, let index, let fallback):
            let d = temp()
            emitRead(global, d, index, fallback)
            return d
        }
    }

    /// Reads a cell; with a fallback, an out-of-range index yields the fallback register instead of 0.
    mutating func emitRead(_ global: Bool, _ d: Int32, _ index: Int32, _ fallback: Int32?) {
        if let fallback {
            emit(global ? .gmemReadOr : .memReadOr, d, index, fallback)
        } else {
            emit(global ? .gmemRead : .memRead, d, index)
        }
    }

    /// True when a node may yield a reference chosen at run time (which bytecode reads eagerly).
    static func isConditionalRef(_ n: Node) -> Bool {
        guard case .call(let f, let args) = n else {
            if case .list(let items) = n, let last = items.last { return isConditionalRef(last) }
            return false
        }
        switch f {
        case .ifElse, .loop, .whileLoop: return true
        case .exec2, .exec3: return isConditionalRef(args[args.count - 1])
        case .freembuf, .memset, .memcpy: return isConditionalRef(args[0])
        default: return false
        }
    }

    mutating func finish() -> FastProgram {
        let localCount = Int32(locals.count)
        let constCount = Int32(constants.count)
        func relocate(_ r: Int32) -> Int32 {
            if r >= Self.tempBase { return r - Self.tempBase + localCount + constCount }
            if r >= Self.constBase { return r - Self.constBase + localCount }
            return r
        }
        let isJump: Set<Instruction.Op> = [.jump, .jumpIfZero, .jumpIfFalse, .jumpIfTrue, .loopNext, .whileNext]
        let relocated = code.map { i -> Instruction in
            var j = i
            if !isJump.contains(i.op) && i.op != .memWrite && i.op != .gmemWrite && i.op != .memset && i.op != .memcpy {
                j.d = relocate(i.d)
            }
            j.a = relocate(i.a)
            j.b = relocate(i.b)
            j.c = relocate(i.c)
            return j
        }
        return FastProgram(code: relocated, locals: locals, constants: constants,
                           registerCount: Int(localCount + constCount + tempCount))
    }
}
