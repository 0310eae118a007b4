import CGL
import GraphicsCore

/// One side of a blend as the shader passes draw it: the preset's programs, this frame's uniforms and values.
struct ShaderBlendSide {
    let set: ShaderProgramSet
    let environment: ShaderEnvironmentUniforms
    let values: ShaderFrameValues
}

/// Both sides of a blended frame (nil: that preset draws the stage the MilkDrop 1 way) and the new preset's weight
/// per mesh vertex.
struct ShaderBlendSides {
    var old: ShaderBlendSide?
    var new: ShaderBlendSide?
    var weights: [Float]
}

/// MilkDrop 2's blend of two presets' shaders (milkdropfs.cpp, `RenderFrame`, `WarpedBlit_Shaders`,
/// `ShowToUser_Shaders`): during a transition the old preset's warp is drawn first, opaque, with the blended
/// per-vertex coordinates, then the new one's over it, alpha-blended by the per-vertex weight (the vertex colour's
/// alpha, which the shaders write out). The composite likewise: the old comp shader, then the new one blended with
/// the weights interpolated onto the comp grid. A side without a shader draws MilkDrop's fixed warp or composite
/// (from the blended values); when the old side has a comp shader and the new one none, the fixed composite goes
/// first and the old shader over it with the weights flipped, as MilkDrop does. Tiles MilkDrop would cull (fully
/// covered) are drawn anyway: the result is the same.
extension MilkLayer {
    /// Each side's programs and uniforms for this frame. `newEnvironment` is the frame's own (new preset's) uniforms.
    func shaderBlendSides(_ blend: ShaderBlend, parameters: LayerParameters, inputs: LayerFrameInputs,
                          newEnvironment: ShaderEnvironmentUniforms?) -> ShaderBlendSides {
        var sides = ShaderBlendSides(weights: blend.weights)
        if let values = parameters.shaderFrame, let newEnvironment, let set = shaderResources?.programs(for: values.shaders.identity) {
            sides.new = ShaderBlendSide(set: set, environment: newEnvironment, values: values)
        }
        guard let values = blend.old, values.shaders.hasShaders else { return sides }
        if shaderResources?.programs(for: values.shaders.identity) == nil {
            // Evicted (or never drawn here): compile it back, keeping the new preset's programs current.
            _ = shaderPasses(for: values)
            if let newValues = parameters.shaderFrame { shaderResources?.prepare(newValues.shaders) }
        }
        guard let passes = shaderResources, let set = passes.programs(for: values.shaders.identity),
              set.warp != nil || set.comp != nil else { return sides }
        let rotations = (set.warp?.usesRotations ?? false) || (set.comp?.usesRotations ?? false)
        let environment = ShaderEnvironmentUniforms(frame: values, inputs: inputs, width: width, height: height,
                                                    random: &passes.random, withRotations: rotations)
        sides.old = ShaderBlendSide(set: set, environment: environment, values: values)
        return sides
    }

    /// The blended warp into the bound target (see the type's notes).
    func drawBlendedWarp(_ sides: ShaderBlendSides, coordinates: [SIMD2<Float>], parameters: LayerParameters,
                         previous: Texture2D) {
        let oldProgram = sides.old?.set.warp, newProgram = sides.new?.set.warp
        guard oldProgram != nil || newProgram != nil else {
            // Neither has a warp shader: the blend is all in the coordinates.
            drawWarp(coordinates, source: previous, parameters: parameters)
            return
        }
        if let old = sides.old, let program = oldProgram {
            glDisable(GLenum(GL_BLEND))
            drawWarpProgram(program, side: old, coordinates: coordinates, alphas: nil, previous: previous)
        } else {
            drawWarp(coordinates, source: previous, parameters: parameters)
        }
        if let new = sides.new, let program = newProgram {
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA))
            drawWarpProgram(program, side: new, coordinates: coordinates, alphas: sides.weights, previous: previous)
            glDisable(GLenum(GL_BLEND))
        } else {
            drawWarp(coordinates, source: previous, parameters: parameters, alphas: sides.weights)
        }
    }

    /// The blur levels either side's shaders read, with the new preset's ranges (the old one's when only it has
    /// shaders); rebinds `target` after.
    func updateBlendedBlur(_ sides: ShaderBlendSides, previous: Texture2D, target: Framebuffer) {
        guard let passes = shaderResources, let blur = passes.blur,
              let values = sides.new?.values ?? sides.old?.values else { return }
        let levels = max(sides.new?.values.shaders.highestBlur ?? 0, sides.old?.values.shaders.highestBlur ?? 0)
        guard levels > 0 else { return }
        blur.update(source: previous, levels: levels, values: values)
        VertexArray.unbind()
        target.bind()
    }

    /// The blended composite into the bound target (see the type's notes).
    func drawBlendedComposite(_ sides: ShaderBlendSides, parameters: LayerParameters, current: Texture2D, time: Float) {
        let alpha = compAlpha(sides.weights)
        switch (sides.old?.set.comp, sides.new?.set.comp) {
        case let (old?, new?):
            glDisable(GLenum(GL_BLEND))
            drawCompProgram(old, side: sides.old, current: current, time: time, alpha: nil)
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA))
            drawCompProgram(new, side: sides.new, current: current, time: time, alpha: alpha)
        case let (nil, new?):
            drawComposite(parameters, source: current, time: time)
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_SRC_ALPHA), GLenum(GL_ONE_MINUS_SRC_ALPHA))
            drawCompProgram(new, side: sides.new, current: current, time: time, alpha: alpha)
        case let (old?, nil):
            drawComposite(parameters, source: current, time: time)
            glEnable(GLenum(GL_BLEND))
            glBlendFunc(GLenum(GL_ONE_MINUS_SRC_ALPHA), GLenum(GL_SRC_ALPHA))
            drawCompProgram(old, side: sides.old, current: current, time: time, alpha: alpha)
        case (nil, nil):
            drawComposite(parameters, source: current, time: time)
        }
        glDisable(GLenum(GL_BLEND))
    }

    private func drawWarpProgram(_ program: ShaderStageProgram, side: ShaderBlendSide, coordinates: [SIMD2<Float>],
                                 alphas: [Float]?, previous: Texture2D) {
        guard let passes = shaderResources else { return }
        program.program.use()
        program.apply(side.environment)
        passes.bindTextures(program, main: previous, set: side.set, target: (canvasWidth, canvasHeight))
        // A per-pixel program is drawn over the mesh's triangles too, so the blend weights interpolate as vertex colours.
        if program.perPixelWarp { passes.warpGeometry.uploadMesh(coordinates: coordinates, unit: program.meshUnit) }
        passes.warpMesh.draw(coordinates: coordinates, alphas: alphas)
        passes.unbindTextures(program)
    }

    private func drawCompProgram(_ program: ShaderStageProgram, side: ShaderBlendSide?, current: Texture2D, time: Float,
                                 alpha: ((Float, Float) -> Float)?) {
        guard let passes = shaderResources, let side else { return }
        program.program.use()
        program.apply(side.environment)
        passes.bindTextures(program, main: current, set: side.set, target: (picture.width, picture.height))
        passes.compGeometry.draw(corners: hueCorners(time: time), alpha: alpha)
        passes.unbindTextures(program)
    }

    /// MilkDrop's comp-grid alpha: the warp mesh's vertex alphas, bilinear at the comp vertex (x, y in 0…1, y up),
    /// scaled by (grid + 1) and clamped as `ShowToUser_Shaders` does — which reads the mesh upside down (its row 0
    /// is the top), kept here.
    private func compAlpha(_ weights: [Float]) -> (Float, Float) -> Float {
        let columns = mesh.columns, rows = mesh.rows
        return { x, y in
            let fx = min(max(x * Float(columns + 1), 0), Float(columns - 1))
            let fy = min(max(y * Float(rows + 1), 0), Float(rows - 1))
            let nx = Int(fx), ny = Int(fy)
            let dx = fx - Float(nx), dy = fy - Float(ny)
            func w(_ row: Int, _ column: Int) -> Float {
                let index = row * (columns + 1) + column
                return index < weights.count ? weights[index] : 1
            }
            return w(ny, nx) * (1 - dx) * (1 - dy) + w(ny, nx + 1) * dx * (1 - dy)
                + w(ny + 1, nx) * (1 - dx) * dy + w(ny + 1, nx + 1) * dx * dy
        }
    }
}
