import MilkExpression
import MilkPreset
import PresetCompilation
import ShaderTranslation

/// Drives a layer from a preset: base values, per_frame_init once, per_frame and per_pixel each frame, then the
/// custom shapes and waves, each block in MilkDrop's own variable space (`PresetPrograms`).
public struct PresetDriver: LayerDriver {
    let preset: Preset
    let base: LayerParameters
    var programs: PresetPrograms
    let frameInputs: SharedInputs
    let frameSlots: [(FrameVariable, Slot)]
    let pixel: PixelSlots?
    var waves: [WaveRunner]
    var shapes: [ShapeRunner]
    /// q1…q32 as per_frame_init left them; every frame starts from these.
    var initialQ = [Double](repeating: 0, count: 32)
    var initialised = false
    /// The MilkDrop 2 shaders and the variables they read; nil for presets without shaders.
    var shaderSlots: ShaderSlots?

    /// Statements the compiler dropped, one line each, for logs.
    public var diagnostics: [String] {
        programs.diagnostics.map { "\(preset.name): \($0)" } + (shaderSlots?.shaders.failures ?? [])
    }

    /// Compiles every code block of `preset`; `seed` fixes `rand()`.
    /// `translate` is how the preset's shaders become GLSL (see `PresetShaders`).
    public init(preset: Preset, seed: UInt64 = 1,
                translate: (String, ShaderStage) throws -> TranslatedShader = ShaderTranslator.translate) {
        self.preset = preset
        base = LayerParameters(base: preset.base)
        var programs = PresetPrograms(preset: preset, seed: UInt32(truncatingIfNeeded: seed))
        frameInputs = SharedInputs { programs.slot($0, in: .frame) }
        frameSlots = FrameVariable.allCases.map { ($0, programs.slot($0.rawValue, in: .frame)) }
        pixel = programs.blocks[.perPixel] == nil ? nil : PixelSlots(programs: &programs)
        waves = preset.waves.indices.filter { preset.waves[$0].enabled }.map { WaveRunner(index: $0, programs: &programs) }
        shapes = preset.shapes.indices.filter { preset.shapes[$0].enabled }.map { ShapeRunner(index: $0, programs: &programs) }
        shaderSlots = preset.hasWarpShader || preset.hasCompShader
            ? ShaderSlots(shaders: PresetShaders(preset: preset, seed: seed, translate: translate), base: preset.base, programs: &programs) : nil
        self.programs = programs
    }

    public mutating func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> (LayerParameters, WarpField?) {
        let frameValues = SharedInputs.values(inputs, mesh: mesh)
        let slots = frameSlots, base = self.base, inputSlots = frameInputs, startQ = initialQ
        if !initialised {
            programs.withContext(.frame) { context in
                Self.loadBase(base, slots, &context)
                inputSlots.load(frameValues, q: startQ, into: &context)
            }
            programs.run(.perFrameInit)
            initialQ = frameInputs.readQ(programs.contexts[.frame] ?? ExpressionContext())
            for index in waves.indices { waves[index].initialise(preset: preset, q: initialQ, frameValues: frameValues, programs: &programs) }
            for index in shapes.indices { shapes[index].initialise(preset: preset, q: initialQ, frameValues: frameValues, programs: &programs) }
            initialised = true
        }
        let firstQ = initialQ, shading = shaderSlots
        programs.withContext(.frame) { context in
            Self.loadBase(base, slots, &context)
            inputSlots.load(frameValues, q: firstQ, into: &context)
            shading?.load(into: &context)
        }
        programs.run(.perFrame)
        let frameContext = programs.contexts[.frame] ?? ExpressionContext()
        var parameters = base
        for (variable, slot) in frameSlots { variable.store(frameContext[slot], in: &parameters) }
        let q = frameInputs.readQ(frameContext)
        parameters.shaderFrame = shaderSlots?.values(from: frameContext, q: q)
        let field = pixel?.run(parameters: parameters, q: q, frameValues: frameValues, mesh: mesh, programs: &programs)
        var drawnShapes: [ShapeInstance] = []
        for index in shapes.indices {
            drawnShapes += shapes[index].instances(preset: preset, q: q, frameValues: frameValues, programs: &programs,
                                                   singleInstance: inputs.projectM != nil)
        }
        parameters.shapes = drawnShapes
        parameters.waves = waves.indices.compactMap {
            waves[$0].drawing(preset: preset, q: q, inputs: inputs, frameValues: frameValues, programs: &programs)
        }
        return (parameters, field)
    }

    /// MilkDrop starts every frame's built-in variables from the preset's base values.
    private static func loadBase(_ base: LayerParameters, _ slots: [(FrameVariable, Slot)], _ context: inout ExpressionContext) {
        for (variable, slot) in slots { context[slot] = variable.value(in: base) }
    }
}

extension PresetPrograms {
    /// Lends the context of `space` out of the dictionary for a batch of writes, without copying it.
    mutating func withContext<T>(_ space: CodeSpace, _ body: (inout ExpressionContext) -> T) -> T {
        var context = contexts.removeValue(forKey: space) ?? ExpressionContext(shared: shared)
        defer { contexts[space] = context }
        return body(&context)
    }
}
