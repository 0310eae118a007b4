/// Splits branch-free per-vertex code whose vertices depend on each other only through a chain of carried
/// variables, so most of it can still run vectorised.
///
/// The common per-pixel idiom `thresh = above(bass_att, thresh)*2 + …; dx_r = …*dx_r` updates a variable from its
/// value at the previous vertex, which forbids plain vectorisation. But when such a chain never reads a per-vertex
/// input, it can run first, vertex by vertex, on its own ("chain" code), recording the values the rest of the code
/// reads ("captures"); the rest ("parallel" code) then runs vectorised with the captures as columns. Every
/// instruction still computes exactly what it computed before, in the same per-vertex order, so results stay
/// bit-identical.
struct SequentialSplit: Sendable {
    var chain: [Instruction]
    var parallel: [Instruction]
    /// Capture registers: the chain writes them, the parallel code reads them as per-vertex columns.
    var captures: [Int32]
    var registerCount: Int

    private enum Kind { case uniform, chain, varying }

    /// Splits `code` (straight-line, no scalar-only instructions); nil when a carried variable depends on a
    /// per-vertex input (then the vertices are truly sequential).
    init?(code: [Instruction], registerCount: Int, program p: FastProgram, bound: Set<Int32>) {
        if code.contains(where: { $0.isScalarOnly }) || p.carriedLocals.isEmpty { return nil }
        var kind = [Kind](repeating: .uniform, count: registerCount)
        for r in bound { kind[Int(r)] = .varying }
        for r in p.carriedLocals where !bound.contains(r) { kind[Int(r)] = .chain }
        // Where each chain-kind register's current value was defined: -1 - r for "at vertex entry",
        // else the index of the defining instruction in `chainCode`.
        var definition = [Int](repeating: 0, count: registerCount)
        for r in 0..<registerCount { definition[r] = -1 - r }
        var chainCode: [Instruction] = []
        var parallel: [Instruction] = []
        var captureOf: [Int: Int32] = [:]   // definition → capture register
        var capturesAfter: [Int: [(Int32, Int32)]] = [:]  // chain index (or -1 entry) → (capture, source)
        var next = Int32(registerCount)

        func capture(_ r: Int32) -> Int32 {
            let def = definition[Int(r)]
            if let c = captureOf[def] { return c }
            let c = next
            next += 1
            captureOf[def] = c
            capturesAfter[def < 0 ? -1 : def, default: []].append((c, r))
            return c
        }

        for ins in code {
            let reads = ins.reads
            let varyingInput = reads.contains { kind[Int($0)] == .varying }
            if reads.allSatisfy({ kind[Int($0)] == .uniform }) {
                // Same value in both frames (typically a copy of a hoisted value): run it on both sides.
                chainCode.append(ins)
                parallel.append(ins)
                if let d = ins.writes { kind[Int(d)] = .uniform }
                continue
            }
            if !varyingInput {
                chainCode.append(ins)
                if let d = ins.writes {
                    kind[Int(d)] = .chain
                    definition[Int(d)] = chainCode.count - 1
                }
                continue
            }
            var m = ins
            if reads.count > 0, kind[Int(ins.a)] == .chain { m.a = capture(ins.a) }
            if reads.count > 1, kind[Int(ins.b)] == .chain { m.b = capture(ins.b) }
            if reads.count > 2, kind[Int(ins.c)] == .chain { m.c = capture(ins.c) }
            parallel.append(m)
            if let d = ins.writes {
                if p.carriedLocals.contains(d) && !bound.contains(d) { return nil }
                kind[Int(d)] = .varying
            }
        }
        // Locals last written by the chain get their per-vertex values in the parallel frame too.
        for l in 0..<p.locals.count where kind[l] == .chain {
            parallel.append(Instruction(op: .mov, d: Int32(l), a: capture(Int32(l))))
        }
        guard !parallel.isEmpty else { return nil }

        var withCaptures: [Instruction] = []
        for (c, r) in capturesAfter[-1] ?? [] { withCaptures.append(Instruction(op: .mov, d: c, a: r)) }
        for (i, ins) in chainCode.enumerated() {
            withCaptures.append(ins)
            for (c, r) in capturesAfter[i] ?? [] { withCaptures.append(Instruction(op: .mov, d: c, a: r)) }
        }
        chain = withCaptures
        self.parallel = parallel
        captures = captureOf.values.sorted()
        self.registerCount = Int(next)
    }
}
