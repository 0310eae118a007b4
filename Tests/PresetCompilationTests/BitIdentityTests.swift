import Foundation
import MilkExpression
import MilkPreset
import Testing
@testable import PresetCompilation

/// Runs every code block of a preset frame by frame, the way a renderer would, on one evaluator.
///
/// Inputs vary per frame (time, audio, q-variables from per_frame, vertex positions), and per-vertex blocks run on
/// a few vertices per frame (a different part of the mesh each frame), so 100 frames cover hundreds of vertices
/// while the whole corpus stays within CI time.
struct CorpusDriver {
    var programs: PresetPrograms
    let reference: Bool
    let grid: MeshGrid
    static let verticesPerFrame = 2
    static let pixelNames = ["x", "y", "rad", "ang", "zoom", "zoomexp", "rot", "warp", "cx", "cy", "dx", "dy", "sx", "sy"]
    static let pointNames = ["sample", "value1", "value2", "x", "y", "r", "g", "b", "a"]
    static let frameNames = ["time", "frame", "fps", "bass", "mid", "treb", "bass_att", "mid_att", "treb_att", "progress"]
    var pixelBatch: VertexBatch
    var pointBatches: [Int: VertexBatch] = [:]
    /// Slots resolved once: per space, the frame inputs and q1…q32.
    let inputSlots: [(CodeSpace, [Slot], [Slot])]
    let frameQ: [Slot]

    init(_ preset: Preset, reference: Bool, grid: MeshGrid) {
        var p = PresetPrograms(preset: preset, shared: SharedMemory(seed: 7))
        self.reference = reference
        self.grid = grid
        var pixelSlots: [Slot] = []
        for name in Self.pixelNames { pixelSlots.append(p.slot(name, in: .pixel)) }
        pixelBatch = VertexBatch(count: Self.verticesPerFrame, slots: pixelSlots)
        for i in 0..<Preset.waveCount where p.blocks[.wavePerPoint(i)] != nil {
            var slots: [Slot] = []
            for name in Self.pointNames { slots.append(p.slot(name, in: .wavePoint(i))) }
            pointBatches[i] = VertexBatch(count: Self.verticesPerFrame, slots: slots)
        }
        var inputs: [(CodeSpace, [Slot], [Slot])] = []
        for space in p.contexts.keys.sorted(by: { "\($0)" < "\($1)" }) {
            var f: [Slot] = [], q: [Slot] = []
            for name in Self.frameNames { f.append(p.slot(name, in: space)) }
            for k in 1...32 { q.append(p.slot("q\(k)", in: space)) }
            inputs.append((space, f, q))
        }
        inputSlots = inputs
        var fq: [Slot] = []
        for k in 1...32 { fq.append(p.slot("q\(k)", in: .frame)) }
        frameQ = fq
        programs = p
    }

    private mutating func run(_ kind: CodeBlockKind) {
        guard let block = programs.blocks[kind] else { return }
        if reference {
            block.code.runReference(in: &programs.contexts[kind.space, default: ExpressionContext()])
        } else {
            block.code.run(in: &programs.contexts[kind.space, default: ExpressionContext()])
        }
    }

    private mutating func run(_ kind: CodeBlockKind, _ batch: inout VertexBatch) {
        guard let block = programs.blocks[kind] else { return }
        if reference {
            block.code.runReference(batch: &batch, in: &programs.contexts[kind.space, default: ExpressionContext()])
        } else {
            block.code.run(batch: &batch, in: &programs.contexts[kind.space, default: ExpressionContext()])
        }
    }

    mutating func frame(_ f: Int) {
        let t = Double(f) / 30 + 0.37
        let inputs = [t, Double(f), 30, 1 + sin(t * 3), 1 + 0.6 * sin(t * 2.2), 1 + 0.4 * cos(t * 5),
                      1 + 0.3 * sin(t), 1 + 0.2 * cos(t), 1 + 0.1 * sin(t * 0.5), Double(f) / 100]
        for (space, slots, _) in inputSlots {
            for (s, v) in zip(slots, inputs) { programs.contexts[space]?[s] = v }
        }
        if f == 0 {
            run(.perFrameInit)
            for i in 0..<4 { run(.waveInit(i)); run(.shapeInit(i)) }
        }
        run(.perFrame)
        let q = frameQ.map { programs.contexts[.frame]?[$0] ?? 0 }
        for (space, _, qSlots) in inputSlots where space != .frame {
            for (s, v) in zip(qSlots, q) { programs.contexts[space]?[s] = v }
        }
        // A different stretch of the mesh every frame.
        let n = Self.verticesPerFrame
        if programs.blocks[.perPixel] != nil {
            var pixels = pixelBatch
            for k in 0..<n {
                let v = (f * 97 + k * 601) % grid.vertexCount
                let values = [grid.x[v], grid.y[v], grid.rad[v], grid.ang[v], 1 + 0.01 * Double(k), 1,
                              0.01 * Double(f % 7), 1, 0.5, 0.5, 0, 0, 1, 1]
                for (c, value) in values.enumerated() { pixels.columns[c][k] = value }
            }
            run(.perPixel, &pixels)
            pixelBatch = pixels
        }
        for i in 0..<4 {
            run(.wavePerFrame(i))
            run(.shapePerFrame(i))
            guard var points = pointBatches[i] else { continue }
            for k in 0..<n {
                let s = Double((f * 13 + k * 29) % 512) / 511
                let values = [s, sin(s * 9 + t), cos(s * 7 - t), s, 1 - s, 1, 0.5, 0.25, 1]
                for (c, value) in values.enumerated() { points.columns[c][k] = value }
            }
            run(.wavePerPoint(i), &points)
            pointBatches[i] = points
        }
    }

    /// The first difference from another driver's state, or nil when bit-identical.
    func difference(from other: CorpusDriver) -> String? {
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        for (space, context) in programs.contexts {
            guard let o = other.programs.contexts[space] else { return "missing space \(space)" }
            for (x, y) in zip(context.variables, o.variables) where x.name != y.name || !same(x.value, y.value) {
                return "\(space) \(x.name): \(x.value) vs \(y.value)"
            }
        }
        for (a, b) in zip(programs.shared.registers, other.programs.shared.registers) where !same(a, b) {
            return "registers differ"
        }
        let mine = [pixelBatch] + pointBatches.keys.sorted().compactMap { pointBatches[$0] }
        let theirs = [other.pixelBatch] + other.pointBatches.keys.sorted().compactMap { other.pointBatches[$0] }
        for (b1, b2) in zip(mine, theirs) {
            for (c1, c2) in zip(b1.columns, b2.columns) {
                for (x, y) in zip(c1, c2) where !same(x, y) { return "per-vertex output \(x) vs \(y)" }
            }
        }
        return nil
    }
}

@Suite(.enabled(if: Corpus.isAvailable, "needs /usr/share/projectM/presets"))
struct BitIdentityTests {
    static let frames = 100
    static let shards = 4
    /// Parsed once for all shards.
    static let presets = Corpus.presets()
    static let grid = MeshGrid()

    /// The fast evaluator matches the reference bit for bit on every block of every corpus preset, 100 frames each.
    @Test(arguments: 0..<shards)
    func fastEvaluatorIsBitIdenticalToReference(shard: Int) {
        let presets = Self.presets.enumerated().filter { $0.offset % Self.shards == shard }.map(\.element)
        #expect(!presets.isEmpty)
        var mismatches: [String] = []
        for (path, preset) in presets {
            var fast = CorpusDriver(preset, reference: false, grid: Self.grid)
            var reference = CorpusDriver(preset, reference: true, grid: Self.grid)
            for f in 0..<Self.frames {
                fast.frame(f)
                reference.frame(f)
                // State accumulates, so comparing every 10th frame (and the last) catches any divergence.
                guard f % 10 == 0 || f == Self.frames - 1 else { continue }
                if let d = fast.difference(from: reference) {
                    mismatches.append("\(path) frame \(f): \(d)")
                    break
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).joined(separator: "\n"))")
    }
}
