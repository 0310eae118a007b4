import MilkExpression
import MilkPreset

/// A problem in one block of a preset: a statement MilkDrop code would lose.
public struct BlockDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Block name as MilkDrop spells it, e.g. "per_pixel", "wave_2_per_point".
    public var block: String
    /// 1-based preset line within the block (the N of `per_frame_N`) and column within that line.
    public var line: Int
    public var column: Int
    public var message: String
    /// The dropped statement.
    public var statement: String

    public var description: String { "\(block) line \(line) column \(column): \(message)" }
}

/// One compiled block.
public struct CompiledBlock: Sendable {
    public let kind: CodeBlockKind
    public let code: CompiledCode
    public let diagnostics: [BlockDiagnostic]
    /// The joined source that was compiled.
    public let source: String
}

/// Every code block of a preset compiled into MilkDrop's variable spaces, ready to run.
///
/// Each `CodeSpace` has its own `ExpressionContext`; all share the session's registers and `gmegabuf` through the
/// injected `SharedMemory`. Slots for built-ins are obtained with `slot(_:in:)` once, then set per frame or vertex.
public struct PresetPrograms: Sendable {
    public var contexts: [CodeSpace: ExpressionContext]
    /// The session's registers and `gmegabuf`.
    public let shared: SharedMemory
    public private(set) var blocks: [CodeBlockKind: CompiledBlock]
    /// Dropped statements in every block, in block order.
    public let diagnostics: [BlockDiagnostic]

    /// Compiles code blocks; every space a block needs gets a fresh context in the session `shared` (registers,
    /// `gmegabuf` and one `rand()` generator for all spaces, as in MilkDrop). Without `shared`, a new session whose
    /// generator is seeded with `seed`.
    public init(codeBlocks: [CodeBlock], shared: SharedMemory? = nil, seed: UInt32 = MersenneTwister.milkDropSeed) {
        let shared = shared ?? SharedMemory(seed: seed)
        var contexts: [CodeSpace: ExpressionContext] = [:]
        var blocks: [CodeBlockKind: CompiledBlock] = [:]
        var diagnostics: [BlockDiagnostic] = []
        for block in codeBlocks {
            let space = block.kind.space
            var context = contexts[space] ?? ExpressionContext(shared: shared)
            let joined = JoinedCode(lines: block.lines)
            let code = context.compile(joined.text)
            let mapped = code.diagnostics.map { d in
                let (line, column) = joined.position(ofOffset: d.offset)
                return BlockDiagnostic(block: block.kind.name, line: line, column: column, message: d.message,
                                       statement: d.statement)
            }
            contexts[space] = context
            blocks[block.kind] = CompiledBlock(kind: block.kind, code: code, diagnostics: mapped, source: joined.text)
            diagnostics += mapped
        }
        self.shared = shared
        self.contexts = contexts
        self.blocks = blocks
        self.diagnostics = diagnostics
    }

    /// Compiles every code block of a preset (see `init(codeBlocks:shared:seed:)`).
    public init(preset: Preset, shared: SharedMemory? = nil, seed: UInt32 = MersenneTwister.milkDropSeed) {
        self.init(codeBlocks: preset.codeBlocks, shared: shared, seed: seed)
    }

    /// The slot of a variable in a space (creating the space's context if the preset had no code there).
    public mutating func slot(_ name: String, in space: CodeSpace) -> Slot {
        var context = contexts[space] ?? ExpressionContext(shared: shared)
        let slot = context.slot(name)
        contexts[space] = context
        return slot
    }

    /// Runs a block once in its space with the fast evaluator (no-op when the preset has no such block).
    public mutating func run(_ kind: CodeBlockKind) {
        guard let block = blocks[kind] else { return }
        block.code.run(in: &contexts[kind.space, default: ExpressionContext(shared: shared)])
    }

    /// Runs a block once per vertex of a batch with the fast evaluator.
    public mutating func run(_ kind: CodeBlockKind, batch: inout VertexBatch) {
        guard let block = blocks[kind] else { return }
        block.code.run(batch: &batch, in: &contexts[kind.space, default: ExpressionContext(shared: shared)])
    }
}
