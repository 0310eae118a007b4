import CGL
import GraphicsCore

/// One preset's warp and comp programs, compiled, linked and drawn once on a worker's shared context, for a layer
/// to adopt (`MilkLayer.adopt`) so its first frames with the preset compile nothing.
///
/// `@unchecked Sendable`: made on the worker, finished with `glFinish` there, then handed over and only used by the
/// render thread (the worker forgets it first).
public final class CompiledShaders: @unchecked Sendable {
    let set: ShaderProgramSet
    /// Lines to report (a stage that did not compile, a texture not uploaded), naming the preset.
    public let diagnostics: [String]

    init(set: ShaderProgramSet, diagnostics: [String]) {
        self.set = set
        self.diagnostics = diagnostics
    }
}

/// Compiles presets' MilkDrop 2 shaders off the render thread (issue 6, "never hitch").
///
/// Linking is the small part on Mesa's llvmpipe: it generates a program's machine code at its first *draw*, for the
/// state it is drawn with, and that is what made a switch drop frames (60–100 ms for a new MD2 preset, the frame
/// around 10 ms). So the worker draws each new preset once in a small layer of its own — plainly, and as the
/// incoming side of a blend (alpha-blended), the two ways a show first draws it — on a context that shares objects
/// with the render thread's, then hands the programs over; llvmpipe keeps the generated code with the program. The
/// preset's own code is not run (a synthetic frame with its shaders), so warming it up changes nothing it draws.
///
/// Used from one worker at a time (e.g. a serial queue): each call makes the context current and releases it, so
/// the queue may move between threads. `@unchecked Sendable` for that hand-over; it is never used concurrently.
public final class ShaderCompileWorker: @unchecked Sendable {
    private let context: any SharedGLContext
    private let width: Int
    private let height: Int
    private let meshColumns: Int
    private let meshRows: Int
    /// The warm-up layer, made on the worker's context (its framebuffers and vertex arrays are that context's).
    private var layer: MilkLayer?

    /// A worker drawing on `context` (shared with the render thread's) with layers of the show's size and mesh.
    public init(context: any SharedGLContext, width: Int, height: Int, meshColumns: Int, meshRows: Int) {
        self.context = context
        self.width = width
        self.height = height
        self.meshColumns = meshColumns
        self.meshRows = meshRows
    }

    /// Compiles and warms up `shaders` (on the calling worker thread); nil when neither stage has a shader.
    public func compile(_ shaders: PresetShaders) throws -> CompiledShaders? {
        guard shaders.hasShaders else { return nil }
        try wrapGraphics { try context.makeCurrent() }
        defer { context.release() }
        let layer: MilkLayer
        if let made = self.layer {
            layer = made
        } else {
            layer = try MilkLayer(width: Self.warmUpSide(width), height: Self.warmUpSide(height), meshColumns: meshColumns,
                                  meshRows: meshRows)
            self.layer = layer
        }
        var plain = LayerParameters()
        plain.shaderFrame = ShaderFrameValues(shaders: shaders)
        var blended = plain
        blended.shaderBlend = ShaderBlend(old: plain.shaderFrame, weights: Array(repeating: 0.5, count: layer.mesh.vertexCount))
        try layer.render(plain, inputs: LayerFrameInputs(frame: 0, fps: 60))
        try layer.render(blended, inputs: LayerFrameInputs(frame: 1, fps: 60))
        glFinish()
        let diagnostics = layer.takeDiagnostics()
        guard let set = layer.shaderResources?.programs(for: shaders.identity) else { return nil }
        layer.shaderResources?.forget(shaders.identity)
        return CompiledShaders(set: set, diagnostics: diagnostics)
    }

    /// A smaller side that is a power of two exactly when `side` is: llvmpipe generates code per texture
    /// "power of two or not", so the warm-up must match the show's pictures in that.
    static func warmUpSide(_ side: Int) -> Int {
        side & (side - 1) == 0 ? min(side, 256) : min(side, 250)
    }

    /// Frees the warm-up layer on the worker's context; call on the worker before the context goes.
    public func close() {
        guard layer != nil, (try? context.makeCurrent()) != nil else { return }
        layer = nil
        glFinish()
        context.release()
    }
}

extension MilkLayer {
    /// Takes programs a `ShaderCompileWorker` made, so the first frames drawing that preset compile nothing.
    public func adopt(_ compiled: CompiledShaders) throws {
        try madeShaderPasses().adopt(compiled.set)
        pendingDiagnostics += compiled.diagnostics
    }
}
