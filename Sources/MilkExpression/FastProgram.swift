/// Compiled bytecode and its register layout: locals (variables and registers the code uses) | constants | temps.
struct FastProgram: Sendable {
    var code: [Instruction]
    /// Local register i holds this slot's value while the program runs.
    var locals: [Slot]
    var constants: [Double]
    var registerCount: Int
    /// Locals the program writes (copied back to the context after a run).
    var writtenLocals: [Int32]
    /// True when every instruction can run over a whole batch of vertices at once.
    var isBatchable: Bool
    /// Written locals that some path reads before writing: they carry a value from one vertex to the next, so a
    /// batch can only run vectorised when the caller supplies them per vertex.
    var carriedLocals: Set<Int32>

    init(code: [Instruction], locals: [Slot], constants: [Double], registerCount: Int) {
        self.code = code
        self.locals = locals
        self.constants = constants
        self.registerCount = Swift.max(registerCount, 1)
        let localCount = Int32(locals.count)
        var written = Set<Int32>()
        var carried = Set<Int32>()
        var writtenSoFar = Set<Int32>()
        for i in code {
            if let w = i.writes, w < localCount { written.insert(w) }
        }
        for i in code {
            for r in i.reads where r < localCount && written.contains(r) && !writtenSoFar.contains(r) {
                carried.insert(r)
            }
            if let w = i.writes, w < localCount { writtenSoFar.insert(w) }
        }
        writtenLocals = written.sorted()
        carriedLocals = carried
        isBatchable = !code.contains { $0.isScalarOnly }
    }

    /// Copies locals and constants into a fresh scalar frame.
    func load(_ f: UnsafeMutablePointer<Double>, _ c: inout ExpressionContext) {
        for (i, s) in locals.enumerated() { f[i] = c[s] }
        for (k, v) in constants.enumerated() { f[locals.count + k] = v }
    }

    /// Copies written locals back to the context.
    func store(_ f: UnsafeMutablePointer<Double>, _ c: inout ExpressionContext) {
        for r in writtenLocals { c[locals[Int(r)]] = f[Int(r)] }
    }

    /// Runs once on a context.
    func run(_ c: inout ExpressionContext) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { buffer in
            guard let f = buffer.baseAddress else { return }
            f.initialize(repeating: 0, count: registerCount)
            load(f, &c)
            code.withUnsafeBufferPointer { ScalarExecutor.execute($0, f, &c) }
            store(f, &c)
        }
    }
}
