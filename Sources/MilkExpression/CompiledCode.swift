/// A compiled block of code, bound to the variable slots of the context it was compiled in.
///
/// `run` uses the fast bytecode evaluator (vectorised over a batch when the block allows it); `runReference`
/// uses the tree-walking reference evaluator. Both give bit-identical results.
public struct CompiledCode: Sendable {
    let statements: [Node]
    let fast: FastProgram?
    /// Statements that did not parse and were dropped, with positions.
    public let diagnostics: [ExpressionDiagnostic]
    /// Statements that parsed (empty statements not counted).
    public let compiledStatements: Int
    /// Variable slots the code needs in its context.
    let slotCount: Int

    /// True when nothing will run (empty code, or every statement dropped).
    public var isEmpty: Bool { statements.isEmpty }
    /// True when the fast evaluator handles this block (otherwise `run` uses the reference evaluator).
    public var usesFastEvaluator: Bool { fast != nil || statements.isEmpty }
    /// Number of bytecode instructions (0 when running on the reference evaluator).
    public var instructionCount: Int { fast?.code.count ?? 0 }

    /// Runs the block once with the fast evaluator.
    public func run(in context: inout ExpressionContext) {
        guard let fast else { runReference(in: &context); return }
        context.ensureCapacity(slotCount)
        fast.run(&context)
    }

    /// Runs the block once with the reference evaluator.
    public func runReference(in context: inout ExpressionContext) {
        context.ensureCapacity(slotCount)
        ReferenceEvaluator.run(statements, &context)
    }

    /// True when a batch binding these slots runs vectorised (no per-vertex interpretation).
    public func vectorises(binding slots: [Slot]) -> Bool {
        guard let fast, fast.isBatchable else { return false }
        let bound = Set(slots)
        return fast.carriedLocals.allSatisfy { bound.contains(fast.locals[Int($0)]) }
    }

    /// How `run(batch:in:)` executes a block for a set of bound slots.
    public enum BatchMode: String, Sendable {
        /// Every instruction over all vertices at once.
        case vectorised
        /// A carried-variable chain vertex by vertex, the rest vectorised.
        case split
        /// The whole block vertex by vertex.
        case perVertex
    }

    /// The batch mode for these bound slots (judged before uniform conditions are known).
    public func batchMode(binding slots: [Slot]) -> BatchMode {
        if vectorises(binding: slots) { return .vectorised }
        guard let fast else { return .perVertex }
        let bound = Set(slots.compactMap { fast.locals.firstIndex(of: $0).map(Int32.init) })
        guard let plan = ExecutionPlan(fast, varying: bound),
              SequentialSplit(code: plan.perVertex, registerCount: plan.registerCount, program: fast, bound: bound) != nil
        else { return .perVertex }
        return .split
    }

    /// Runs the block once per vertex of a batch with the reference evaluator.
    public func runReference(batch: inout VertexBatch, in context: inout ExpressionContext) {
        context.ensureCapacity(slotCount)
        for k in 0..<batch.count {
            for (s, slot) in batch.slots.enumerated() { context[slot] = batch.columns[s][k] }
            ReferenceEvaluator.run(statements, &context)
            for (s, slot) in batch.slots.enumerated() { batch.columns[s][k] = context[slot] }
        }
    }

    /// Runs the block once per vertex of a batch with the fast evaluator.
    public func run(batch: inout VertexBatch, in context: inout ExpressionContext) {
        guard let fast, batch.count > 0 else { runReference(batch: &batch, in: &context); return }
        context.ensureCapacity(slotCount)
        if vectorises(binding: batch.slots) {
            fast.runVectorised(&batch, &context)
        } else {
            fast.runPerVertex(&batch, &context)
        }
    }
}

/// A statement that did not compile: where it is and why.
public struct ExpressionDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Byte offset in the compiled source.
    public var offset: Int
    /// 1-based line and column in the compiled source.
    public var line: Int
    public var column: Int
    public var message: String
    /// The dropped statement's text.
    public var statement: String

    public var description: String { "line \(line), column \(column): \(message)" }
}
