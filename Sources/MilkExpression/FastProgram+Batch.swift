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

    func runVectorised(_ batch: inout VertexBatch, _ c: inout ExpressionContext) {
        let n = batch.count
        let bound = boundLocals(batch)
        let total = registerCount * n
        withUnsafeTemporaryAllocation(of: Double.self, capacity: total) { buffer in
            guard let f = buffer.baseAddress else { return }
            for (i, slot) in locals.enumerated() {
                (f + i * n).initialize(repeating: c[slot], count: n)
            }
            for (s, r) in bound.enumerated() {
                guard let r else { continue }
                batch.columns[s].withUnsafeBufferPointer { col in
                    if let base = col.baseAddress { (f + Int(r) * n).update(from: base, count: n) }
                }
            }
            for (k, v) in constants.enumerated() { (f + (locals.count + k) * n).initialize(repeating: v, count: n) }
            let tempStart = (locals.count + constants.count) * n
            (f + tempStart).initialize(repeating: 0, count: total - tempStart)
            code.withUnsafeBufferPointer { BatchExecutor.execute($0, f, count: n) }
            for (s, r) in bound.enumerated() {
                guard let r else { continue }
                batch.columns[s].withUnsafeMutableBufferPointer { col in
                    if let base = col.baseAddress { base.update(from: f + Int(r) * n, count: n) }
                }
            }
            for r in writtenLocals { c[locals[Int(r)]] = f[Int(r) * n + n - 1] }
        }
        finishBound(batch, &c)
    }

    func runPerVertex(_ batch: inout VertexBatch, _ c: inout ExpressionContext) {
        let bound = boundLocals(batch)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: registerCount) { buffer in
            guard let f = buffer.baseAddress else { return }
            f.initialize(repeating: 0, count: registerCount)
            load(f, &c)
            code.withUnsafeBufferPointer { code in
                for k in 0..<batch.count {
                    for (s, r) in bound.enumerated() { if let r { f[Int(r)] = batch.columns[s][k] } }
                    ScalarExecutor.execute(code, f, &c)
                    for (s, r) in bound.enumerated() { if let r { batch.columns[s][k] = f[Int(r)] } }
                }
            }
            store(f, &c)
        }
        finishBound(batch, &c)
    }
}
