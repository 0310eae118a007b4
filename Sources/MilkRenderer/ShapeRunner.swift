import MilkExpression
import MilkPreset
import PresetCompilation

/// One custom shape: init + per_frame in one variable space, per_frame run once per instance each frame.
struct ShapeRunner: Sendable {
    let index: Int
    let inputs: SharedInputs
    let t: [Slot]
    let instance, numInstances, sides, thick, additive, textured: Slot
    let x, y, rad, ang, texZoom, texAng: Slot
    let center, edge, border: [Slot]
    var initialT = [Double](repeating: 0, count: 8)

    init(index: Int, programs: inout PresetPrograms) {
        self.index = index
        let space = CodeSpace.shapeFrame(index)
        func s(_ name: String) -> Slot { programs.slot(name, in: space) }
        inputs = SharedInputs { programs.slot($0, in: space) }
        t = (1...8).map { s("t\($0)") }
        instance = s("instance")
        numInstances = s("num_inst")
        sides = s("sides")
        thick = s("thick")
        additive = s("additive")
        textured = s("textured")
        x = s("x")
        y = s("y")
        rad = s("rad")
        ang = s("ang")
        texZoom = s("tex_zoom")
        texAng = s("tex_ang")
        center = ["r", "g", "b", "a"].map(s)
        edge = ["r2", "g2", "b2", "a2"].map(s)
        border = ["border_r", "border_g", "border_b", "border_a"].map(s)
    }

    private func loadBase(_ shape: CustomShape, _ context: inout ExpressionContext) {
        let values: [(Slot, Float)] = [
            (numInstances, Float(shape.instances)), (sides, Float(shape.sides)), (thick, shape.thickOutline ? 1 : 0),
            (additive, shape.additive ? 1 : 0), (textured, shape.textured ? 1 : 0), (x, shape.x), (y, shape.y),
            (rad, shape.rad), (ang, shape.ang), (texZoom, shape.texZoom), (texAng, shape.texAng),
            (center[0], shape.r), (center[1], shape.g), (center[2], shape.b), (center[3], shape.a),
            (edge[0], shape.r2), (edge[1], shape.g2), (edge[2], shape.b2), (edge[3], shape.a2),
            (border[0], shape.borderR), (border[1], shape.borderG), (border[2], shape.borderB), (border[3], shape.borderA),
        ]
        for (slot, value) in values { context[slot] = Double(value) }
    }

    mutating func initialise(preset: Preset, q: [Double], frameValues: [Double], programs: inout PresetPrograms) {
        let shape = preset.shapes[index]
        programs.withContext(.shapeFrame(index)) { context in
            loadBase(shape, &context)
            inputs.load(frameValues, q: q, into: &context)
            context[instance] = 0
        }
        programs.run(.shapeInit(index))
        let context = programs.contexts[.shapeFrame(index)] ?? ExpressionContext()
        initialT = t.map { context[$0] }
    }

    /// Runs per_frame once per instance (MilkDrop's `num_inst`) and returns what to draw; `singleInstance` draws
    /// only the first, as projectM 3.1.12 (which has no `num_inst`) does.
    func instances(preset: Preset, q: [Double], frameValues: [Double], programs: inout PresetPrograms,
                   singleInstance: Bool = false) -> [ShapeInstance] {
        let shape = preset.shapes[index]
        let count = singleInstance ? 1 : min(max(shape.instances, 1), 1024)
        let code = programs.blocks[.shapePerFrame(index)]?.code
        return programs.withContext(.shapeFrame(index)) { context in
            var result: [ShapeInstance] = []
            result.reserveCapacity(count)
            for number in 0..<count {
                loadBase(shape, &context)
                inputs.load(frameValues, q: q, into: &context)
                for (slot, value) in zip(t, initialT) { context[slot] = value }
                context[instance] = Double(number)
                code?.run(in: &context)
                func f(_ slot: Slot) -> Float { Float(context[slot]) }
                func color(_ slots: [Slot]) -> SIMD4<Float> { SIMD4(f(slots[0]), f(slots[1]), f(slots[2]), f(slots[3])) }
                var drawn = ShapeInstance()
                let sideCount = context[sides]
                drawn.sides = sideCount.isFinite ? Int(min(max(sideCount, 3), 100)) : 3
                drawn.x = f(x)
                drawn.y = f(y)
                drawn.radius = f(rad)
                drawn.angle = f(ang)
                drawn.centerColor = color(center)
                drawn.edgeColor = color(edge)
                drawn.borderColor = color(border)
                drawn.additive = context[additive] != 0
                drawn.thickOutline = context[thick] != 0
                drawn.textured = context[textured] != 0
                drawn.textureZoom = f(texZoom)
                drawn.textureAngle = f(texAng)
                result.append(drawn)
            }
            return result
        }
    }
}
