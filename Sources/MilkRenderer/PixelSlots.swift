import MilkExpression
import PresetCompilation

/// The per_pixel space's slots, and one run of the code over the whole warp mesh at once (batch mode).
struct PixelSlots: Sendable {
    let inputs: SharedInputs
    let batchSlots: [Slot]

    static let motionVariables: [FrameVariable] = [.zoom, .zoomexp, .rot, .warp, .cx, .cy, .dx, .dy, .sx, .sy]

    init(programs: inout PresetPrograms) {
        inputs = SharedInputs { programs.slot($0, in: .pixel) }
        batchSlots = (["x", "y", "rad", "ang"] + Self.motionVariables.map(\.rawValue)).map { programs.slot($0, in: .pixel) }
    }

    /// Runs the code once per vertex, each starting from this frame's motion, and returns every vertex's motion.
    func run(parameters: LayerParameters, q: [Double], frameValues: [Double], mesh: WarpMesh,
             programs: inout PresetPrograms) -> WarpField {
        programs.withContext(.pixel) { inputs.load(frameValues, q: q, into: &$0) }
        let count = mesh.vertexCount
        var batch = VertexBatch(count: count, slots: batchSlots)
        batch.columns[0] = mesh.x.map(Double.init)
        batch.columns[1] = mesh.y.map(Double.init)
        batch.columns[2] = mesh.radius.map(Double.init)
        batch.columns[3] = mesh.angle.map(Double.init)
        for (offset, variable) in Self.motionVariables.enumerated() {
            batch.columns[4 + offset] = Array(repeating: variable.value(in: parameters), count: count)
        }
        programs.run(.perPixel, batch: &batch)
        let c = Array(batch.columns[4...])
        var motions = Array(repeating: parameters.motion, count: count)
        for index in 0..<count {
            motions[index].zoom = Float(c[0][index])
            motions[index].zoomExponent = Float(c[1][index])
            motions[index].rotation = Float(c[2][index])
            motions[index].warp = Float(c[3][index])
            motions[index].centerX = Float(c[4][index])
            motions[index].centerY = Float(c[5][index])
            motions[index].dx = Float(c[6][index])
            motions[index].dy = Float(c[7][index])
            motions[index].sx = Float(c[8][index])
            motions[index].sy = Float(c[9][index])
        }
        return WarpField(motions: motions)
    }
}
