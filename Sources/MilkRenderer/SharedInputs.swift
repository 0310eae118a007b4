import MilkExpression

/// The read-only values every code block sees (time, audio bands, sizes) and q1…q32, as slots of one space.
struct SharedInputs: Sendable {
    let values: [Slot]
    let q: [Slot]

    static let names = ["time", "fps", "frame", "progress", "bass", "mid", "treb", "bass_att", "mid_att", "treb_att",
                        "meshx", "meshy", "pixelsx", "pixelsy", "aspectx", "aspecty"]

    init(slot: (String) -> Slot) {
        values = Self.names.map(slot)
        q = (1...32).map { slot("q\($0)") }
    }

    /// This frame's values, in `names` order.
    static func values(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> [Double] {
        [inputs.time, inputs.fps, Double(inputs.frame), inputs.progress,
         Double(inputs.bass), Double(inputs.mid), Double(inputs.treble),
         Double(inputs.bassAttenuated), Double(inputs.midAttenuated), Double(inputs.trebleAttenuated),
         Double(mesh.columns), Double(mesh.rows), Double(mesh.pixelsWide), Double(mesh.pixelsHigh),
         // MilkDrop hands the code the inverse aspect ratios (1 on the long side, > 1 on the short one).
         Double(1 / mesh.aspectX), Double(1 / mesh.aspectY)]
    }

    func load(_ frameValues: [Double], q qValues: [Double], into context: inout ExpressionContext) {
        for (slot, value) in zip(values, frameValues) { context[slot] = value }
        for (slot, value) in zip(q, qValues) { context[slot] = value }
    }

    func readQ(_ context: ExpressionContext) -> [Double] { q.map { context[$0] } }
}
