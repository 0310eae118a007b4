import Foundation
import MilkExpression
import MilkPreset

/// Drives a preset's per_frame and per_pixel code frame by frame the way MilkDrop feeds them, for benchmarks and
/// the bit-identity tests: inputs are synthetic but deterministic.
public struct PresetRunner: Sendable {
    public private(set) var programs: PresetPrograms
    public private(set) var batch: VertexBatch
    let grid: MeshGrid
    private let frameInputs: [Slot]
    private let qFrame: [Slot]
    private let qPixel: [Slot]
    private let frameOutputs: [Slot]
    private var initialised = false

    /// Names of the per-frame inputs set before per_frame runs.
    static let frameInputNames = ["time", "frame", "fps", "progress", "bass", "mid", "treb", "bass_att", "mid_att",
                                  "treb_att", "meshx", "meshy", "aspectx", "aspecty", "pixelsx", "pixelsy"]

    public init(preset: Preset, grid: MeshGrid, seed: UInt32 = 1) {
        var programs = PresetPrograms(preset: preset, shared: SharedMemory(seed: seed))
        frameInputs = Self.frameInputNames.map { programs.slot($0, in: .frame) }
        qFrame = (1...32).map { programs.slot("q\($0)", in: .frame) }
        qPixel = (1...32).map { programs.slot("q\($0)", in: .pixel) }
        frameOutputs = ExpressionBenchmark.perVertexOutputs.map { programs.slot($0, in: .frame) }
        let pixelSlots = (["x", "y", "rad", "ang"] + ExpressionBenchmark.perVertexOutputs).map { programs.slot($0, in: .pixel) }
        for name in ["time", "frame", "fps", "progress", "bass", "mid", "treb", "bass_att", "mid_att", "treb_att"] {
            _ = programs.slot(name, in: .pixel)
        }
        batch = VertexBatch(count: grid.vertexCount, slots: pixelSlots)
        self.grid = grid
        self.programs = programs
        let defaults: [Double] = [1, 1, 0, 1, 0.5, 0.5, 0, 0, 1, 1]
        for (slot, value) in zip(frameOutputs, defaults) { self.programs.contexts[.frame]?[slot] = value }
    }

    /// How the per-pixel block runs over the grid.
    public var mode: CompiledCode.BatchMode {
        programs.blocks[.perPixel]?.code.batchMode(binding: batch.slots) ?? .vectorised
    }

    /// Runs frame `index` (per_frame_init first on frame 0); returns (per-pixel ns, per-frame ns).
    public mutating func frame(_ index: Int, reference: Bool) -> (Double, Double) {
        let clock = ContinuousClock()
        if !initialised {
            run(.perFrameInit, reference)
            initialised = true
        }
        let t = Double(index) / 30
        let inputs: [Double] = [t, Double(index), 30, Double(index % 300) / 300, 1 + 0.5 * sin(t * 3.1),
                                1 + 0.4 * sin(t * 2.3), 1 + 0.3 * sin(t * 4.7), 1 + 0.2 * sin(t * 1.3),
                                1 + 0.2 * sin(t * 1.1), 1 + 0.2 * sin(t * 0.9), 48, 36, 1, 1, 1280, 720]
        for (slot, value) in zip(frameInputs, inputs) { programs.contexts[.frame]?[slot] = value }
        let frameStart = clock.now
        run(.perFrame, reference)
        let frameTime = clock.now - frameStart

        // MilkDrop copies q1…q32 and the per-frame values into the per-pixel space, then resets the per-vertex
        // outputs for every vertex.
        guard let frameContext = programs.contexts[.frame] else { return (0, frameTime.nanoseconds) }
        for (qf, qp) in zip(qFrame, qPixel) { programs.contexts[.pixel]?[qp] = frameContext[qf] }
        for (k, name) in ["time", "frame", "fps", "progress", "bass", "mid", "treb", "bass_att", "mid_att", "treb_att"].enumerated() {
            let s = programs.slot(name, in: .pixel)
            programs.contexts[.pixel]?[s] = frameContext[frameInputs[k]]
        }
        batch.columns[0] = grid.x
        batch.columns[1] = grid.y
        batch.columns[2] = grid.rad
        batch.columns[3] = grid.ang
        for (k, slot) in frameOutputs.enumerated() {
            batch.columns[4 + k] = Array(repeating: frameContext[slot], count: grid.vertexCount)
        }
        guard let block = programs.blocks[.perPixel] else { return (0, frameTime.nanoseconds) }
        let start = clock.now
        if reference {
            block.code.runReference(batch: &batch, in: &programs.contexts[.pixel, default: ExpressionContext()])
        } else {
            block.code.run(batch: &batch, in: &programs.contexts[.pixel, default: ExpressionContext()])
        }
        return ((clock.now - start).nanoseconds, frameTime.nanoseconds)
    }

    private mutating func run(_ kind: CodeBlockKind, _ reference: Bool) {
        guard let block = programs.blocks[kind] else { return }
        if reference {
            block.code.runReference(in: &programs.contexts[kind.space, default: ExpressionContext()])
        } else {
            block.code.run(in: &programs.contexts[kind.space, default: ExpressionContext()])
        }
    }

    /// True when every variable of every space and every per-vertex output is bit-identical to another run's.
    public func sameState(as other: PresetRunner) -> Bool {
        for (space, context) in programs.contexts {
            guard let o = other.programs.contexts[space] else { return false }
            let a = context.variables, b = o.variables
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.name != y.name || x.value.bitPattern != y.value.bitPattern {
                if !(x.value.isNaN && y.value.isNaN) { return false }
            }
        }
        for (c1, c2) in zip(batch.columns, other.batch.columns) {
            for (x, y) in zip(c1, c2) where x.bitPattern != y.bitPattern && !(x.isNaN && y.isNaN) { return false }
        }
        return true
    }
}

extension Duration {
    var nanoseconds: Double {
        let c = components
        return Double(c.seconds) * 1e9 + Double(c.attoseconds) / 1e9
    }
}
