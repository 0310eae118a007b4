/// Batch execution of a fast program: vectorised, or one vertex at a time when vertices depend on each other.
extension FastProgram {
    /// Local register of each bound column (nil when the program does not use that slot).
    private func boundLocals(_ batch: VertexBatch) -> [Int32?] {
        batch.slots.map { slot in locals.firstIndex(of: slot).map(Int32.init) }
    }

    /// Sets bound slots in the context to their last vertex's values, as a per-vertex run would leave them.
    private func finishBound(_ batch: VertexBatch, _ c: inout ExpressionContext) {
        for (s, slot) in batch.slots.enumerated() { c[slot] = batch.columns[s][batch.count - 1] }
    }

    /// A scalar frame with locals, constants and the hoisted results of a plan.
    /// Copies vertices `start..<start+m` of each bound column into its register row of the chunk frame `f`.
    private func loadChunk(_ batch: VertexBatch, _ bound: [Int32?], into f: UnsafeMutablePointer<Double>,
                           stride n: Int, start: Int, count m: Int) {
        for (k, r) in bound.enumerated() {
            guard let r else { continue }
            batch.columns[k].withUnsafeBufferPointer { col in
                if let base = col.baseAddress { (f + Int(r) * n).update(from: base + start, count: m) }
            }
        }
    }

    /// Copies the register rows of the chunk frame `f` back into vertices `start..<start+m` of the bound columns.
    private func storeChunk(_ batch: inout VertexBatch, _ bound: [Int32?], from f: UnsafeMutablePointer<Double>,
                            stride n: Int, start: Int, count m: Int) {
        for (k, r) in bound.enumerated() {
            guard let r else { continue }
            batch.columns[k].withUnsafeMutableBufferPointer { col in
                if let base = col.baseAddress { (base + start).update(from: f + Int(r) * n, count: m) }
            }
        }
    }

    private func hoistedFrame(_ plan: ExecutionPlan, _ f: UnsafeMutablePointer<Double>, _ c: inout ExpressionContext) {
        f.initialize(repeating: 0, count: plan.registerCount)
        load(f, &c)
        plan.hoisted.withUnsafeBufferPointer { ScalarExecutor.execute($0, f, &c) }
    }

    /// Vertices per chunk: every register's chunk stays in cache while the instruction list runs over it.
    static let chunkSize = 256

    func runVectorised(_ batch: inout VertexBatch, _ c: inout ExpressionContext) {
        let count = batch.count
        let bound = boundLocals(batch)
        guard let plan = ExecutionPlan(self, varying: Set(bound.compactMap { $0 })) else { return }
        let n = min(count, Self.chunkSize)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: plan.registerCount) { scalar in
            guard let s = scalar.baseAddress else { return }
            hoistedFrame(plan, s, &c)
            let perVertex = plan.specialised(uniform: s, program: self)
            let total = plan.registerCount * n
            withUnsafeTemporaryAllocation(of: Double.self, capacity: total) { buffer in
                guard let f = buffer.baseAddress else { return }
                // Uniform registers are filled once; bound columns per chunk.
                let fixed = locals.count + constants.count
                for r in 0..<fixed { (f + r * n).initialize(repeating: s[r], count: n) }
                (f + fixed * n).initialize(repeating: 0, count: total - fixed * n)
                for r in plan.broadcast { (f + Int(r) * n).update(repeating: s[Int(r)], count: n) }
                var start = 0
                while start < count {
                    let m = min(n, count - start)
                    loadChunk(batch, bound, into: f, stride: n, start: start, count: m)
                    perVertex.withUnsafeBufferPointer { BatchExecutor.execute($0, f, count: m, stride: n) }
                    storeChunk(&batch, bound, from: f, stride: n, start: start, count: m)
                    start += m
                }
                let last = (count - 1) % n
                for r in writtenLocals { c[locals[Int(r)]] = f[Int(r) * n + last] }
            }
        }
        finishBound(batch, &c)
    }

    /// The chain/parallel split (see `SequentialSplit`); false when the code does not allow it.
    private func runSplit(_ batch: inout VertexBatch, _ c: inout ExpressionContext, _ bound: [Int32?]) -> Bool {
        let boundSet = Set(bound.compactMap { $0 })
        guard let plan = ExecutionPlan(self, varying: boundSet) else { return false }
        let count = batch.count
        var ran = false
        withUnsafeTemporaryAllocation(of: Double.self, capacity: plan.registerCount) { hoisted in
            guard let h = hoisted.baseAddress else { return }
            hoistedFrame(plan, h, &c)
            let perVertex = plan.specialised(uniform: h, program: self)
            guard let split = SequentialSplit(code: perVertex, registerCount: plan.registerCount, program: self,
                                              bound: boundSet) else { return }
            ran = true
            let n = min(count, Self.chunkSize)
            let total = split.registerCount * n
            withUnsafeTemporaryAllocation(of: Double.self, capacity: split.registerCount) { scalar in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: total) { buffer in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, split.captures.count * count)) { columns in
                guard let s = scalar.baseAddress, let f = buffer.baseAddress, let cols = columns.baseAddress else { return }
                // The parallel frame starts from the values before any vertex ran.
                let fixed = locals.count + constants.count
                for r in 0..<fixed { (f + r * n).initialize(repeating: h[r], count: n) }
                (f + fixed * n).initialize(repeating: 0, count: total - fixed * n)
                for r in plan.broadcast { (f + Int(r) * n).update(repeating: h[Int(r)], count: n) }
                // The chain, vertex by vertex, recording what the parallel code reads.
                s.initialize(repeating: 0, count: split.registerCount)
                s.update(from: h, count: plan.registerCount)
                split.chain.withUnsafeBufferPointer { chain in
                    for v in 0..<count {
                        ScalarExecutor.execute(chain, s, &c)
                        for (j, r) in split.captures.enumerated() { cols[j * count + v] = s[Int(r)] }
                    }
                }
                var start = 0
                while start < count {
                    let m = min(n, count - start)
                    loadChunk(batch, bound, into: f, stride: n, start: start, count: m)
                    for (j, r) in split.captures.enumerated() {
                        (f + Int(r) * n).update(from: cols + j * count + start, count: m)
                    }
                    split.parallel.withUnsafeBufferPointer { BatchExecutor.execute($0, f, count: m, stride: n) }
                    storeChunk(&batch, bound, from: f, stride: n, start: start, count: m)
                    start += m
                }
                let last = (count - 1) % n
                for r in writtenLocals { c[locals[Int(r)]] = f[Int(r) * n + last] }
            }
            }
            }
        }
        if ran { finishBound(batch, &c) }
        return ran
    }

    func runPerVertex(_ batch: inout VertexBatch, _ c: inout ExpressionContext) {
        let n = batch.count
        let bound = boundLocals(batch)
        if runSplit(&batch, &c, bound) { return }
        let used = bound.enumerated().compactMap { k, r in r.map { (k, Int($0)) } }
        let plan = ExecutionPlan(self, varying: Set(bound.compactMap { $0 }))
        let frameSize = plan?.registerCount ?? registerCount
        // Columns the program uses, flattened so the vertex loop touches no arrays.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, used.count * n)) { cols in
            guard let cp = cols.baseAddress else { return }
            for (j, (k, _)) in used.enumerated() {
                batch.columns[k].withUnsafeBufferPointer { col in
                    if let base = col.baseAddress { (cp + j * n).initialize(from: base, count: n) }
                }
            }
            withUnsafeTemporaryAllocation(of: Double.self, capacity: frameSize) { buffer in
                guard let f = buffer.baseAddress else { return }
                var code = self.code
                if let plan {
                    hoistedFrame(plan, f, &c)
                    code = plan.specialised(uniform: f, program: self)
                } else {
                    f.initialize(repeating: 0, count: frameSize)
                    load(f, &c)
                }
                code.withUnsafeBufferPointer { code in
                    for v in 0..<n {
                        for (j, (_, r)) in used.enumerated() { f[r] = cp[j * n + v] }
                        ScalarExecutor.execute(code, f, &c)
                        for (j, (_, r)) in used.enumerated() { cp[j * n + v] = f[r] }
                    }
                }
                store(f, &c)
            }
            for (j, (k, _)) in used.enumerated() {
                batch.columns[k].withUnsafeMutableBufferPointer { col in
                    if let base = col.baseAddress { base.update(from: cp + j * n, count: n) }
                }
            }
        }
        finishBound(batch, &c)
    }
}
