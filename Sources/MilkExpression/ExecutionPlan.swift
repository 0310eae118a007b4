/// A branch-free program split for batch execution: instructions whose inputs are the same for every vertex run
/// once ("hoisted"), the rest run per vertex.
///
/// Per-pixel code often computes things like `sin(time * 0.7)` that do not depend on the vertex; hoisting them
/// turns N calls into one. Hoisting only reorders pure instructions (no memory, random generator or jumps), whose
/// results do not depend on when they run, and renames their outputs to fresh registers so later per-vertex
/// writes to the same register cannot clobber them, so results stay bit-identical.
struct ExecutionPlan: Sendable {
    var hoisted: [Instruction]
    var perVertex: [Instruction]
    /// Registers including the fresh ones holding hoisted results.
    var registerCount: Int
    /// Hoisted result registers that per-vertex instructions read.
    var broadcast: [Int32]

    /// Plans a straight-line program given the locals the caller varies per vertex; nil when it has jumps.
    init?(_ p: FastProgram, varying boundLocals: Set<Int32>) {
        if p.code.contains(where: { Self.isJump($0.op) }) { return nil }
        var isUniform = [Bool](repeating: true, count: p.registerCount)
        for r in boundLocals { isUniform[Int(r)] = false }
        for r in p.carriedLocals { isUniform[Int(r)] = false }
        var alias = [Int32](repeating: -1, count: p.registerCount)
        var hoisted: [Instruction] = []
        var perVertex: [Instruction] = []
        var next = Int32(p.registerCount)
        var broadcast = Set<Int32>()
        let constEnd = Int32(p.locals.count + p.constants.count)

        func mapped(_ r: Int32) -> Int32 { alias[Int(r)] >= 0 ? alias[Int(r)] : r }

        for ins in p.code {
            var m = ins
            let reads = ins.reads
            m.a = reads.count > 0 ? mapped(ins.a) : ins.a
            m.b = reads.count > 1 ? mapped(ins.b) : ins.b
            m.c = reads.count > 2 ? mapped(ins.c) : ins.c
            let uniformInputs = reads.allSatisfy { isUniform[Int($0)] }
            guard let d = ins.writes else { perVertex.append(m); continue }
            if !ins.isScalarOnly && uniformInputs {
                if ins.op == .mov && (m.a >= Int32(p.registerCount) || m.a >= Int32(p.locals.count) && m.a < constEnd) {
                    alias[Int(d)] = m.a  // copy propagation from registers nothing overwrites
                } else {
                    m.d = next
                    hoisted.append(m)
                    alias[Int(d)] = next
                    next += 1
                }
                isUniform[Int(d)] = true
            } else {
                perVertex.append(m)
                for r in [m.a, m.b, m.c].prefix(reads.count) where r >= Int32(p.registerCount) { broadcast.insert(r) }
                alias[Int(d)] = -1
                isUniform[Int(d)] = false
            }
        }
        // Locals whose last write was hoisted (or copied) get that value back at the end of each vertex.
        for l in 0..<p.locals.count where alias[l] >= 0 {
            perVertex.append(Instruction(op: .mov, d: Int32(l), a: alias[l]))
            if alias[l] >= Int32(p.registerCount) { broadcast.insert(alias[l]) }
        }
        self.hoisted = hoisted
        self.perVertex = perVertex
        self.registerCount = Int(next)
        self.broadcast = broadcast.sorted()
    }

    private static func isJump(_ op: Instruction.Op) -> Bool {
        switch op {
        case .jump, .jumpIfZero, .jumpIfFalse, .jumpIfTrue, .loopInit, .loopNext, .whileNext: return true
        default: return false
        }
    }
}

extension ExecutionPlan {
    /// The per-vertex code once the hoisted values are known: a `select` whose condition is the same for every
    /// vertex becomes a copy of the chosen side, and instructions whose results nobody reads are dropped (they are
    /// pure, so skipping them changes nothing). `if(q1 > 0.5, expensive, other)` then costs one branch, not two.
    func specialised(uniform s: UnsafePointer<Double>, program p: FastProgram) -> [Instruction] {
        let uniformEnd = Int32(p.locals.count + p.constants.count)
        var code = perVertex
        var changed = false
        for k in code.indices where code[k].op == .select {
            let cond = code[k].a
            let isUniformRegister = (cond >= Int32(p.locals.count) && cond < uniformEnd) || cond >= Int32(p.registerCount)
            guard isUniformRegister else { continue }
            let chosen = s[Int(cond)] != 0 ? code[k].b : code[k].c
            code[k] = Instruction(op: .mov, d: code[k].d, a: chosen)
            changed = true
        }
        guard changed else { return code }
        var live = [Bool](repeating: false, count: registerCount)
        for l in 0..<p.locals.count { live[l] = true }
        var kept: [Instruction] = []
        for ins in code.reversed() {
            if let d = ins.writes, !live[Int(d)], !ins.isScalarOnly { continue }
            if let d = ins.writes, Int(d) >= p.locals.count { live[Int(d)] = false }
            for r in ins.reads { live[Int(r)] = true }
            kept.append(ins)
        }
        return kept.reversed()
    }
}
