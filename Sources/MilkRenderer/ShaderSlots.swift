import MilkExpression
import MilkPreset
import PresetCompilation

/// The per_frame variables only the MilkDrop 2 shader passes read (`blur1_min` … `blur1_edge_darken`), as slots.
///
/// MilkDrop resets them from the preset's `b1n`…`b1ed` before each per_frame run and hands the shaders what the
/// code left.
struct ShaderSlots: Sendable {
    let shaders: PresetShaders
    private let minimum: [Slot]
    private let maximum: [Slot]
    private let edgeDarken: Slot
    private let baseMinimum: SIMD3<Float>
    private let baseMaximum: SIMD3<Float>
    private let baseEdgeDarken: Float

    init(shaders: PresetShaders, base: BaseValues, programs: inout PresetPrograms) {
        self.shaders = shaders
        minimum = (1...3).map { programs.slot("blur\($0)_min", in: .frame) }
        maximum = (1...3).map { programs.slot("blur\($0)_max", in: .frame) }
        edgeDarken = programs.slot("blur1_edge_darken", in: .frame)
        baseMinimum = SIMD3(base.blur1Min, base.blur2Min, base.blur3Min)
        baseMaximum = SIMD3(base.blur1Max, base.blur2Max, base.blur3Max)
        baseEdgeDarken = base.blur1EdgeDarken
    }

    /// Sets the blur variables to the preset's values before per_frame runs.
    func load(into context: inout ExpressionContext) {
        for index in 0..<3 {
            context[minimum[index]] = Double(baseMinimum[index])
            context[maximum[index]] = Double(baseMaximum[index])
        }
        context[edgeDarken] = Double(baseEdgeDarken)
    }

    /// The frame's shader values after per_frame ran.
    func values(from context: ExpressionContext, q: [Double]) -> ShaderFrameValues {
        ShaderFrameValues(shaders: shaders, q: q.map { Float($0) },
                          blurMin: SIMD3(Float(context[minimum[0]]), Float(context[minimum[1]]), Float(context[minimum[2]])),
                          blurMax: SIMD3(Float(context[maximum[0]]), Float(context[maximum[1]]), Float(context[maximum[2]])),
                          blur1EdgeDarken: Float(context[edgeDarken]))
    }
}
