import CGL
import Glibc
import GraphicsCore

extension MilkLayer {
    /// The layer's shader resources, made the first time they are asked for (a frame with shaders, adopted
    /// programs, or `prepareShaderResources`) at the feedback buffers' size.
    func madeShaderPasses() throws -> ShaderPasses {
        if let shaderResources { return shaderResources }
        let made = try wrapGraphics { try ShaderPasses(width: canvasWidth, height: canvasHeight, mesh: mesh, seed: seed) }
        shaderResources = made
        return made
    }

    /// The shader resources, made on the first frame that has shaders.
    func shaderPasses(for values: ShaderFrameValues) -> ShaderPasses? {
        let passes: ShaderPasses
        do {
            passes = try madeShaderPasses()
        } catch {
            pendingDiagnostics.append("\(values.shaders.presetName): shader passes not available, MilkDrop's defaults used: \(error)")
            return nil
        }
        passes.prepare(values.shaders)
        let lines = passes.takeDiagnostics()
        if !lines.isEmpty { pendingDiagnostics += lines }
        return passes
    }

    /// Makes the MilkDrop 2 resources now — shader passes, the blur pyramid with its passes drawn once, the six
    /// noise textures — rather than at the first preset with shaders: for a live layer at start-up, so that preset
    /// makes and compiles nothing on the render thread. Leaves no picture changed.
    public func prepareShaderResources() throws {
        let passes = try madeShaderPasses()
        try wrapGraphics { try passes.prepareAll(source: feedback[current].texture) }
        VertexArray.unbind()
        try wrapGraphics { try checkGLError("preparing the MilkDrop 2 resources") }
    }

    /// Lines to report since the last call (a shader stage that did not compile, once per preset), then clears them.
    public func takeDiagnostics() -> [String] {
        defer { pendingDiagnostics = [] }
        return pendingDiagnostics
    }

    /// MilkDrop's warp with the preset's warp shader into the bound target, then the blur pyramid of `previous`.
    /// Returns false when the preset has no (working) warp shader: the caller draws the MilkDrop 1 warp.
    func drawWarpShader(_ coordinates: [SIMD2<Float>], parameters: LayerParameters, environment: ShaderEnvironmentUniforms?,
                        previous: Texture2D) -> Bool {
        guard parameters.shaderFrame != nil, let environment, let passes = shaderResources,
              let program = passes.warpProgram else { return false }
        glDisable(GLenum(GL_BLEND))
        program.program.use()
        program.apply(environment)
        passes.bindTextures(program, main: previous, target: (canvasWidth, canvasHeight))
        if program.perPixelWarp {
            passes.warpGeometry.draw(coordinates: coordinates, unit: program.meshUnit)
        } else {
            passes.warpMesh.draw(coordinates: coordinates)
        }
        passes.unbindTextures(program)
        return true
    }

    /// Computes the blur levels the preset's shaders read, from the warp's source as MilkDrop does, and rebinds
    /// `target` for the passes that follow.
    func updateBlur(_ parameters: LayerParameters, previous: Texture2D, target: Framebuffer) {
        guard let values = parameters.shaderFrame, let passes = shaderResources, let blur = passes.blur else { return }
        let levels = values.shaders.highestBlur
        guard levels > 0, passes.warpProgram != nil || passes.compProgram != nil else { return }
        blur.update(source: previous, levels: levels, values: values)
        VertexArray.unbind()
        target.bind()
    }

    /// MilkDrop's composite with the preset's comp shader into the bound target, `picture`. The shader replaces
    /// gamma, video echo, hue shading and the brighten/darken/solarize/invert filters. Returns false without one.
    func drawCompShader(_ parameters: LayerParameters, environment: ShaderEnvironmentUniforms?, current: Texture2D,
                        time: Float) -> Bool {
        guard parameters.shaderFrame != nil, let environment, let passes = shaderResources,
              let program = passes.compProgram else { return false }
        glDisable(GLenum(GL_BLEND))
        program.program.use()
        program.apply(environment)
        passes.bindTextures(program, main: current, target: (picture.width, picture.height))
        if program.readsGridValues {
            passes.compGeometry.draw(corners: hueCorners(time: time))
        } else {
            passes.fullScreenGeometry.draw()
        }
        passes.unbindTextures(program)
        return true
    }

    /// This frame's shader constants, or nil for a frame without shaders.
    func shaderEnvironment(_ parameters: LayerParameters, inputs: LayerFrameInputs) -> ShaderEnvironmentUniforms? {
        guard let values = parameters.shaderFrame, values.shaders.hasShaders,
              let passes = shaderPasses(for: values), passes.warpProgram != nil || passes.compProgram != nil else { return nil }
        let rotations = (passes.warpProgram?.usesRotations ?? false) || (passes.compProgram?.usesRotations ?? false)
        return ShaderEnvironmentUniforms(frame: values, inputs: inputs, width: canvasWidth, height: canvasHeight, random: &passes.random,
                                         withRotations: rotations)
    }

    /// MilkDrop's four hue-shader corner colours at full strength (the comp shader decides how much to use).
    func hueCorners(time: Float) -> [SIMD3<Float>] {
        (0..<4).map { corner in
            let i = Float(corner)
            var s = SIMD3<Float>(0.6 + 0.3 * sinf(time * 30 * 0.0143 + 3 + i * 21 + hueOffsets[3]),
                                 0.6 + 0.3 * sinf(time * 30 * 0.0107 + 1 + i * 13 + hueOffsets[1]),
                                 0.6 + 0.3 * sinf(time * 30 * 0.0129 + 6 + i * 9 + hueOffsets[2]))
            s = 0.5 + 0.5 * (s / s.max())
            return s
        }
    }
}
