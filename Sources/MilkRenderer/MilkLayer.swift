import CGL
import Determinism
import GraphicsCore

/// One MilkDrop layer: draws a frame from a preset's evaluated values into its own framebuffer.
///
/// Owns GL resources, so it must be created, used and freed with the same GL context current.
/// Two feedback buffers ping-pong (the previous frame is warped into the next), and the final composite
/// goes to `output`.
public final class MilkLayer {
    public let width: Int
    public let height: Int
    /// The feedback buffers' size, where everything but the composite is drawn: the picture's size, except that
    /// projectM 3.1.12 draws into a smaller texture (`RenderCompatibility.feedbackSize`) stretched at composite.
    public let canvasWidth: Int
    public let canvasHeight: Int
    public let mesh: WarpMesh
    /// The full-size target of the composite.
    public let output: Framebuffer
    /// The size of the next frames' composites (MilkDrop's composite reads the feedback buffer and writes nothing
    /// the next frame reads, so it can change size every frame).
    public var pictureSize: PictureSize = .full
    /// The composited picture of the last frame: `output`, or the half-size target when `pictureSize` was `.half`.
    public private(set) var picture: Framebuffer
    /// The half-size target, made the first time a frame asks for it and kept.
    private var halfOutput: Framebuffer?
    /// Whether a frame may leave its MilkDrop 1 composite undrawn for the caller to apply where it reads the
    /// picture (`deferredComposite`); when it does, `picture` keeps the last picture drawn.
    public var defersComposite = false
    /// The composite the last frame left undrawn, nil when it drew its picture.
    public private(set) var deferredComposite: DeferredComposite?

    let canvas: Canvas
    var feedback: [Framebuffer]
    /// Index into `feedback` of the buffer holding the previous frame.
    var current = 0
    var isFirstFrame = true
    /// The warp texture coordinates of the last frame, for motion vectors.
    var lastCoordinates: [SIMD2<Float>] = []
    /// MilkDrop's per-preset random phases of the hue shading.
    let hueOffsets: SIMD4<Float>
    /// The layer's seed, for the shader passes' per-frame random values.
    let seed: UInt64
    /// MilkDrop 2 shader resources, made on the first frame with shaders (`MilkLayer+ShaderPasses`).
    var shaderResources: ShaderPasses?
    var pendingDiagnostics: [String] = []
    /// Per-stage timing (`aivj render --profile`); nil, the default, costs nothing.
    public var profile: StageProfile?
    private let warpArray = VertexArray()
    private let warpVertices = GLBuffer(kind: .vertices)
    private let warpIndices = GLBuffer(kind: .indices)
    /// Per-vertex decay colour and blend weight, for the fixed warp during a blend.
    private let warpColors = GLBuffer(kind: .vertices)
    private let warpIndexCount: Int

    /// Creates a `width`×`height` layer with a `meshColumns`×`meshRows` warp grid; `seed` fixes its random phases.
    /// `aspectCorrected` keeps circles round on non-square pictures (see `WarpMesh`); `compatibility` `.projectM3`
    /// renders into projectM 3.1.12's smaller feedback texture with its per-pixel conventions.
    public init(width: Int, height: Int, meshColumns: Int = 48, meshRows: Int = 36, seed: UInt64 = 1,
                aspectCorrected: Bool = false, compatibility: RenderCompatibility = .milkdrop) throws {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw MilkRendererError.badSize(what: "picture size", value: "\(width)x\(height)")
        }
        guard (2...512).contains(meshColumns), (2...512).contains(meshRows) else {
            throw MilkRendererError.badSize(what: "mesh", value: "\(meshColumns)x\(meshRows)")
        }
        self.width = width
        self.height = height
        (canvasWidth, canvasHeight) = compatibility.feedbackSize(width: width, height: height)
        mesh = WarpMesh(columns: meshColumns, rows: meshRows, width: width, height: height, aspectCorrected: aspectCorrected,
                        projectMConventions: compatibility == .projectM3)
        do {
            output = try Framebuffer(width: width, height: height)
            picture = output
            feedback = [try Framebuffer(width: canvasWidth, height: canvasHeight),
                        try Framebuffer(width: canvasWidth, height: canvasHeight)]
            canvas = try Canvas()
        } catch let error as GraphicsCoreError {
            throw MilkRendererError.graphics(error)
        }
        self.seed = seed
        var random = SeededRandom(seed: seed)
        hueOffsets = SIMD4(random.unitFloat() * 6.28, random.unitFloat() * 6.28, random.unitFloat() * 6.28, random.unitFloat() * 6.28)
        warpArray.setAttribute(0, buffer: warpVertices, components: 2, stride: 4, offset: 0)
        warpArray.setAttribute(1, buffer: warpVertices, components: 2, stride: 4, offset: 2)
        warpArray.setIndices(warpIndices)
        let indices = mesh.triangleIndices
        warpIndices.upload(indices)
        warpIndexCount = indices.count
        VertexArray.unbind()
        for buffer in feedback { buffer.clear() }
        output.clear()
    }

    /// Renders one frame: motion vectors, warp, shapes, waves, borders into the feedback buffer, then the composite.
    public func render(_ parameters: LayerParameters, inputs: LayerFrameInputs, warpField: WarpField? = nil) throws {
        let coordinates = mesh.textureCoordinates(parameters: parameters, field: warpField, time: inputs.time)
        profile?.end(.mesh)
        try render(parameters, inputs: inputs, textureCoordinates: coordinates)
    }

    /// Renders one frame whose warp texture coordinates (one per mesh vertex) are already known.
    func render(_ parameters: LayerParameters, inputs: LayerFrameInputs, textureCoordinates coordinates: [SIMD2<Float>]) throws {
        guard coordinates.count == mesh.vertexCount else {
            throw MilkRendererError.badSize(what: "warp coordinates", value: "\(coordinates.count) for \(mesh.vertexCount) vertices")
        }
        let previous = feedback[current]
        let next = feedback[1 - current]
        deferredComposite = nil
        // Made before any target is bound: the first call creates GL objects and framebuffers.
        let target = try compositeTarget()
        let environment = parameters.shaderFrame == nil ? nil : shaderEnvironment(parameters, inputs: inputs)
        let blend = parameters.shaderBlend.map {
            shaderBlendSides($0, parameters: parameters, inputs: inputs, newEnvironment: environment)
        }
        previous.bind()
        let projectM = parameters.compatibility == .projectM3
        if !isFirstFrame, !projectM { drawMotionVectors(parameters) }
        profile?.end(.motionVectors)
        next.bind()
        if let blend {
            drawBlendedWarp(blend, coordinates: coordinates, parameters: parameters, previous: previous.texture)
            profile?.end(.warp)
            updateBlendedBlur(blend, previous: previous.texture, target: next)
        } else {
            if !drawWarpShader(coordinates, parameters: parameters, environment: environment, previous: previous.texture) {
                drawWarp(coordinates, source: previous.texture, parameters: parameters)
            }
            profile?.end(.warp)
            if environment != nil { updateBlur(parameters, previous: previous.texture, target: next) }
        }
        profile?.end(.blur)
        if projectM { drawProjectMMotionVectors(parameters) }
        drawShapes(parameters.shapes, source: previous.texture, compatibility: parameters.compatibility)
        drawCustomWaves(parameters.waves, compatibility: parameters.compatibility)
        drawMainWave(parameters, inputs: inputs)
        if parameters.darkenCenter { drawDarkenCenter() }
        drawBorders(parameters)
        profile?.end(.drawables)
        picture = target
        picture.bind()
        if let blend {
            drawBlendedComposite(blend, parameters: parameters, current: next.texture, time: Float(inputs.time))
        } else if !drawCompShader(parameters, environment: environment, current: next.texture, time: Float(inputs.time)) {
            let layers = compositeLayers(parameters, time: Float(inputs.time))
            if defersComposite, let deferred = deferrableComposite(parameters, layers: layers, source: next.texture) {
                deferredComposite = deferred
            } else {
                drawComposite(parameters, layers: layers, source: next.texture)
            }
        }
        glDisable(GLenum(GL_BLEND))
        VertexArray.unbind()
        do {
            try checkGLError("rendering frame \(inputs.frame)")
        } catch let error as GraphicsCoreError {
            throw MilkRendererError.graphics(error)
        }
        profile?.end(.composite)
        profile?.endFrame()
        lastCoordinates = coordinates
        current = 1 - current
        isFirstFrame = false
    }

    /// The last composited frame (`picture`) as packed RGB, top row first.
    public func readOutput() throws -> [UInt8] {
        do { return try picture.readRGB() } catch let error as GraphicsCoreError { throw MilkRendererError.graphics(error) }
    }

    /// Where this frame's composite goes, for `pictureSize`.
    private func compositeTarget() throws -> Framebuffer {
        guard pictureSize == .half else { return output }
        if let halfOutput { return halfOutput }
        do {
            let made = try Framebuffer(width: max(1, width / 2), height: max(1, height / 2))
            made.clear()
            halfOutput = made
            return made
        } catch let error as GraphicsCoreError {
            throw MilkRendererError.graphics(error)
        }
    }

    /// MilkDrop's fixed warp into the bound target; with `alphas` (a blend's per-vertex weights) it is
    /// alpha-blended over what the target holds.
    func drawWarp(_ coordinates: [SIMD2<Float>], source: Texture2D, parameters: LayerParameters, alphas: [Float]? = nil) {
        var vertices = [Float](repeating: 0, count: mesh.vertexCount * 4)
        for index in 0..<mesh.vertexCount {
            vertices[index * 4] = mesh.clipX[index]
            vertices[index * 4 + 1] = mesh.clipY[index]
            vertices[index * 4 + 2] = coordinates[index].x
            vertices[index * 4 + 3] = 1 - coordinates[index].y
        }
        source.bind(unit: 0)
        source.setWrap(parameters.textureWrap ? .repeat : .clamp)
        canvas.texturedProgram.use()
        // MilkDrop passes the decay as an 8-bit vertex colour, so it is quantised the same way (projectM passes a float).
        let clamped = min(max(parameters.decay, 0), 1)
        let decay = parameters.compatibility == .projectM3 ? clamped : Float(Int(clamped * 255)) / 255
        if let alphas {
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA))
            warpColors.upload((0..<mesh.vertexCount).flatMap { [decay, decay, decay, $0 < alphas.count ? alphas[$0] : 1] })
            warpArray.setAttribute(2, buffer: warpColors, components: 4, stride: 4, offset: 0)
        } else {
            glDisable(GLenum(GL_BLEND))
            warpArray.bind()
            glDisableVertexAttribArray(2)
            glVertexAttrib4f(2, decay, decay, decay, 1)
        }
        warpVertices.upload(vertices)
        glDrawElements(GLenum(GL_TRIANGLES), GLsizei(warpIndexCount), GLenum(GL_UNSIGNED_INT), nil)
        glDisable(GLenum(GL_BLEND))
        source.setWrap(.clamp)
    }
}
