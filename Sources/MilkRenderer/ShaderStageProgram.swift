import CGL
import Foundation
import GraphicsCore
import ShaderTranslation

/// Where a sampler of a translated shader reads from, and how (MilkDrop's `fw_`/`fc_`/`pw_`/`pc_` prefixes).
struct ShaderSamplerBinding: Equatable {
    enum Source: Equatable {
        /// The previous frame (warp) or the frame just drawn (comp).
        case main
        case blur(Int)
        case noise(String)
        case volume(String)
        /// Any other texture the preset names (`sampler_rand00`, `sampler_clouds`…), by its texture name.
        case user(String)
    }

    var source: Source
    var linear: Bool
    var wrap: Bool
    /// For a mipmapped texture: the texels its lookups move per pixel of a canvas-sized pass when every one is
    /// MilkDrop's pixel-exact idiom (`TranslatedShader.texelStep`); nil otherwise.
    var texelStep: Double?
    /// For the frame (`main`, filtered): whether every lookup reads a pixel centre of a canvas-sized pass
    /// (`TranslatedShader.readsAtPixelCentres`), where a bilinear read is the texel itself.
    var atPixelCentres = false

    /// Reads a sampler name the way MilkDrop's `CShaderParams::CacheParams` does: `sampler_` then an optional
    /// two-letter filter/wrap code, then the texture name. Defaults are filtered and wrapped, blur clamped.
    init(source: Source, linear: Bool, wrap: Bool) {
        self.source = source
        self.linear = linear
        self.wrap = wrap
    }

    init(_ sampler: ShaderSampler) { self.init(name: sampler.name, isVolume: sampler.isVolume) }

    init(name samplerName: String, isVolume: Bool) {
        var name = samplerName.hasPrefix("sampler_") ? String(samplerName.dropFirst(8)) : samplerName
        var linear = true, wrap = true, specified = false
        let codes: [String: (Bool, Bool)] = ["fw": (true, true), "fc": (true, false), "pw": (false, true), "pc": (false, false),
                                             "wf": (true, true), "cf": (true, false), "wp": (false, true), "cp": (false, false)]
        if name.count > 3, name.dropFirst(2).first == "_", let code = codes[String(name.prefix(2)).lowercased()] {
            (linear, wrap) = code
            specified = true
            name = String(name.dropFirst(3))
        }
        let lower = name.lowercased()
        if lower == "main" {
            source = .main
        } else if lower.hasPrefix("blur"), let level = Int(lower.dropFirst(4)), (1...3).contains(level) {
            source = .blur(level)
            if !specified { wrap = false }
        } else if NoiseTextures.kind(named: lower) != nil {
            source = isVolume ? .volume(lower) : .noise(lower)
        } else {
            source = .user(name)
        }
        self.linear = linear
        self.wrap = wrap
    }
}

/// A translated warp or comp shader compiled and linked with MilkDrop's vertex stage, with every uniform
/// location looked up once.
final class ShaderStageProgram {
    /// How a uniform gets its value each frame.
    enum UniformSource {
        case float(Int)
        case vector(Int)
        case mipXY
        case rotation(Int)
    }

    let program: ShaderProgram
    let stage: ShaderStage
    let samplers: [ShaderSamplerBinding]
    /// Per-frame uniforms: location and where the value comes from.
    private(set) var uniforms: [(GLint, UniformSource)] = []
    /// Whether the shader's own code reads `rad`, `ang` or `hue_shader`, the values only a grid of vertices carries.
    let readsGridValues: Bool
    /// Whether any `rot_*` matrix is read (they are costly enough to skip otherwise).
    var usesRotations: Bool {
        uniforms.contains { if case .rotation = $0.1 { return true } else { return false } }
    }

    /// The warp mesh and picture a warp program draws: `columns`×`rows` cells over `width`×`height` pixels.
    struct WarpGrid: Equatable {
        var columns: Int
        var rows: Int
        var width: Int
        var height: Int
    }

    /// How a warp program draws the mesh: the cheaper way for its shader and grid, or one way always (tests).
    enum WarpDrawing {
        case cheaper
        case mesh
        case perPixel
    }

    /// Whether a warp program interpolates the mesh per pixel (one triangle, `warpPrologue`) rather than drawing it.
    let perPixelWarp: Bool
    /// `texsize_NAME` uniforms: location and texture name.
    private var sizeUniforms: [(GLint, String)] = []
    /// The layout `applyLayout` set last.
    private var appliedLayout: WarpGrid?

    /// Compiles `shader`; `textureSize` gives the size of what a sampler reads, for `texsize_NAME`. A warp shader
    /// with `warpGrid` gets whichever way of drawing the mesh is cheaper for it (`perPixelWarpPays`); without one
    /// (the compile checks) the per-pixel source.
    init(_ shader: TranslatedShader, label: String, warpGrid: WarpGrid? = nil, warpDrawing: WarpDrawing = .cheaper,
         textureSize: (String) -> (Int, Int)) throws {
        stage = shader.stage
        switch warpDrawing {
        case .cheaper: perPixelWarp = shader.stage == .warp && (warpGrid.map { Self.perPixelWarpPays(shader, grid: $0) } ?? true)
        case .mesh: perPixelWarp = false
        case .perPixel: perPixelWarp = shader.stage == .warp
        }
        program = try ShaderProgram(label: label, vertex: Self.vertexSource,
                                    fragment: Self.fragmentSource(shader, perPixelWarp: perPixelWarp))
        samplers = shader.samplers.map { sampler in
            var binding = ShaderSamplerBinding(sampler)
            if case let .noise(name) = binding.source {
                binding.texelStep = shader.texelStep(sampler: sampler.glslName, textureName: name)
            } else if binding.source == .main, binding.linear {
                binding.atPixelCentres = shader.readsAtPixelCentres(sampler: sampler.glslName)
            }
            return binding
        }
        readsGridValues = Self.readsGridValues(shader.body)
        program.use()
        if perPixelWarp { glUniform1i(program.location("_milk_mesh"), GLint(samplers.count)) }
        for (unit, sampler) in shader.samplers.enumerated() {
            glUniform1i(program.location(sampler.glslName), GLint(unit))
        }
        for name in shader.uniforms {
            let location = program.location(shader.glslUniformName(name))
            guard location >= 0 else { continue }
            if let index = ShaderEnvironmentUniforms.floatNames.firstIndex(of: name) {
                uniforms.append((location, .float(index)))
            } else if let index = ShaderEnvironmentUniforms.vectorNames.firstIndex(of: name) {
                uniforms.append((location, .vector(index)))
            } else if let index = ShaderEnvironmentUniforms.rotationNames.firstIndex(of: name) {
                uniforms.append((location, .rotation(index)))
            } else if name == "mip_xy" {
                uniforms.append((location, .mipXY))
            } else if name.hasPrefix("texsize_") {
                sizeUniforms.append((location, String(name.dropFirst(8))))
            }
        }
        if let warpGrid { applyLayout(warpGrid, textureSize: textureSize) }
    }

    /// Sets the uniforms that depend on the drawing layer's size: `texsize_NAME` and the per-pixel warp's grid.
    /// A program compiled by `ShaderCompileWorker` on its small warm-up layer is drawn by layers of other sizes, so
    /// this runs before each draw and does nothing while the layout stays the same.
    func applyLayout(_ grid: WarpGrid, textureSize: (String) -> (Int, Int)) {
        guard appliedLayout != grid else { return }
        appliedLayout = grid
        program.use()
        if perPixelWarp {
            glUniform4f(program.location("_milk_grid"), Float(grid.columns), Float(grid.rows), Float(grid.width),
                        Float(grid.height))
            // The mesh texture's texel size: 4 texels per cell across (two triangles' blocks), 2 down.
            glUniform2f(program.location("_milk_texel"), 1 / Float(max(grid.columns, 1) * 4), 1 / Float(max(grid.rows, 1) * 2))
        }
        for (location, name) in sizeUniforms {
            let (w, h) = textureSize(name)
            glUniform4f(location, Float(w), Float(h), 1 / Float(max(w, 1)), 1 / Float(max(h, 1)))
        }
    }

    // A name read anywhere in main's statements (a preset's own variable of the same name counts too: it only
    // costs the faster path).
    private static let gridValueNames = try? NSRegularExpression(pattern: "\\b(rad|ang|hue_shader)\\b")

    /// Whether `body` mentions `rad`, `ang` or `hue_shader`; true when that cannot be decided.
    static func readsGridValues(_ body: String) -> Bool {
        guard let gridValueNames else { return true }
        return gridValueNames.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)) != nil
    }

    /// The texture unit of the warp mesh's values (after the shader's own samplers).
    var meshUnit: Int { samplers.count }

    /// Whether interpolating the mesh per pixel costs less than rasterising it, for this shader on this grid.
    ///
    /// llvmpipe shades 4×4 blocks, and a block that several small mesh triangles touch is shaded once per triangle:
    /// about `blockWaste` times the picture's blocks (2.1 at 48×36 cells over 640×360, 1.4 over 1280×720). The
    /// per-pixel prologue costs one filtered float read and the cell's arithmetic, taken as ¾ of a lookup (A/B: a
    /// one-lookup warp ran 11 % faster per pixel at 640×360 and 13 % slower at 1280×720, where three lookups ran 14 %
    /// faster); the shader's own cost is counted as its texture lookups plus half a unit per transcendental call.
    static func perPixelWarpPays(_ shader: TranslatedShader, grid: WarpGrid) -> Bool {
        let text = shader.body + "\n" + shader.declarations
        let range = NSRange(text.startIndex..., in: text)
        let lookups = Self.lookups?.numberOfMatches(in: text, range: range) ?? 0
        let transcendentals = Self.transcendentals?.numberOfMatches(in: text, range: range) ?? 0
        let cost = Double(lookups) + 0.5 * Double(transcendentals)
        return cost * (blockWaste(grid) - 1) >= 0.75
    }

    /// Estimated shaded 4×4 blocks per block of the picture when the mesh is drawn as triangles: each cell's
    /// triangles touch the blocks of its area, a rim along its edges and its diagonal (fitted to exact counts:
    /// 3.6, 2.1, 1.6, 1.4, 1.27 at 320×180 … 1920×1080 with 48×36 cells).
    static func blockWaste(_ grid: WarpGrid) -> Double {
        let cellWidth = Double(grid.width) / Double(max(grid.columns, 1)) / 4
        let cellHeight = Double(grid.height) / Double(max(grid.rows, 1)) / 4
        return 1 + 0.8 * (cellWidth + cellHeight + max(cellWidth, cellHeight) + 1) / max(cellWidth * cellHeight, 1e-6)
    }

    private static let transcendentals = try? NSRegularExpression(
        pattern: "\\b(sin|cos|tan|asin|acos|atan|pow|exp|exp2|log|log2|sqrt|inversesqrt|length|distance|normalize)\\(")

    /// Sets this frame's uniforms (the program must be in use).
    func apply(_ environment: ShaderEnvironmentUniforms) {
        for (location, source) in uniforms {
            switch source {
            case let .float(index): glUniform1f(location, environment.floats[index])
            case let .vector(index):
                let v = environment.vectors[index]
                glUniform4f(location, v.x, v.y, v.z, v.w)
            case .mipXY: glUniform2f(location, environment.mipXY.x, environment.mipXY.y)
            case let .rotation(index): glUniformMatrix4x3fv(location, 1, GLboolean(GL_FALSE), environment.rotations[index])
            }
        }
    }

    /// MilkDrop's warp_vs / comp_vs: position, then uv (.xy; .zw = uv_orig), rad and ang, and the vertex colour.
    static let vertexSource = """
        #version 330 core
        layout(location = 0) in vec2 position;
        layout(location = 1) in vec4 texcoords;
        layout(location = 2) in vec2 radAng;
        layout(location = 3) in vec4 color;
        out vec4 v_uv;
        out vec2 v_rad_ang;
        out vec4 v_color;
        void main() {
            gl_Position = vec4(position, 0.0, 1.0);
            v_uv = texcoords;
            v_rad_ang = radAng;
            v_color = color;
        }
        """

    /// Direct3D's texture v runs down from the top; our rendered textures store the bottom row first. Every 2D
    /// lookup goes through these, so the shaders keep MilkDrop's uv maths (images are uploaded bottom row first too).
    static let flipHelpers = """
        vec4 _tx(sampler2D s, vec2 c) { return texture(s, vec2(c.x, 1.0 - c.y)); }
        vec4 _tx(sampler2D s, vec2 c, float b) { return texture(s, vec2(c.x, 1.0 - c.y), b); }
        vec4 _tx(sampler3D s, vec3 c) { return texture(s, c); }
        vec4 _tx(sampler3D s, vec3 c, float b) { return texture(s, c, b); }
        vec4 _txLod(sampler2D s, vec2 c, float l) { return textureLod(s, vec2(c.x, 1.0 - c.y), l); }
        vec4 _txLod(sampler3D s, vec3 c, float l) { return textureLod(s, c, l); }
        vec4 _txProj(sampler2D s, vec4 c) { return textureProj(s, vec4(c.x, c.w - c.y, c.z, c.w)); }
        vec4 _txGrad(sampler2D s, vec2 c, vec2 dx, vec2 dy) {
            return textureGrad(s, vec2(c.x, 1.0 - c.y), vec2(dx.x, -dx.y), vec2(dy.x, -dy.y));
        }

        """

    /// The warp shader's fragment stage, drawn as one triangle over the picture: each pixel finds its mesh cell and
    /// triangle (MilkDrop's split of a cell, top-right to bottom-left) and reads the triangle's uv, rad and ang from
    /// its block of the mesh texture (`ShaderWarpGeometry`), one bilinear read that interpolates them as the
    /// rasteriser would. On llvmpipe the mesh's 3,456 small triangles shade every 4×4 block they touch once per
    /// triangle, twice the picture's blocks at 640×360.
    static func warpFragmentShader(_ shader: TranslatedShader) -> String {
        var text = "#version 330\nin vec4 v_color;\nout vec4 fragColor;\n"
        text += "uniform sampler2D _milk_mesh;\nuniform vec4 _milk_grid;\nuniform vec2 _milk_texel;\n"
        text += shader.uniformDeclarations + "\n" + flippingLookups(shader.declarations) + "\n"
        text += "void main()\n{\n" + warpPrologue
        text += "    vec3 ret = vec3(0.0);\n    vec2 uv = v_uv.xy;\n    vec2 uv_orig = v_uv.zw;\n"
        text += "    float rad = v_rad_ang.x;\n    float ang = v_rad_ang.y;\n    vec3 hue_shader = v_color.xyz;\n"
        if !shader.writtenUniforms.isEmpty { text += shader.uniformCopies + "\n" }
        text += flippingLookups(shader.body) + "\n"
        text += "    fragColor = vec4(ret, v_color.w);\n}\n"
        return text
    }

    /// The mesh values at this pixel: `v_uv` (.xy warped uv, .zw uv_orig, v = 0 at the top) and `v_rad_ang`. The
    /// read is at `f` inside the texel centres of the triangle's 2×2 block, so the filter's weights are `f`. (Its own
    /// lookup is not flipped: the blocks are stored top row first.)
    static let warpPrologue = """
            vec2 _milk_p = vec2(gl_FragCoord.x, _milk_grid.w - gl_FragCoord.y) / _milk_grid.zw;
            vec2 _milk_g = _milk_p * _milk_grid.xy;
            vec2 _milk_cell = clamp(floor(_milk_g), vec2(0.0), _milk_grid.xy - 1.0);
            vec2 _milk_f = _milk_g - _milk_cell;
            float _milk_block = _milk_cell.x * 4.0 + (_milk_f.x + _milk_f.y >= 1.0 ? 2.0 : 0.0);
            vec4 _milk_v = texture(_milk_mesh, (vec2(_milk_block, _milk_cell.y * 2.0) + 0.5 + _milk_f) * _milk_texel);
            vec4 v_uv = vec4(_milk_v.xy, _milk_p);
            vec2 v_rad_ang = _milk_v.zw;

        """

    // Word-boundary matches, so a preset's own `h_texture(` (a renamed reserved word) is left alone.
    private static let lookups = try? NSRegularExpression(pattern: "\\btexture(Lod|Proj|Grad)?\\(")

    /// `text` with every texture lookup going through the flip helpers.
    static func flippingLookups(_ text: String) -> String {
        guard let lookups else { return text }
        return lookups.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "_tx$1(")
    }

    /// The translator's fragment shader with every texture lookup flipped to MilkDrop's orientation, and the comp
    /// writing the vertex colour's alpha as MilkDrop's wrapper does (`float4(ret.xyz, _vDiffuse.w)`): 1 except
    /// while two presets blend, when it carries the blend's weight. A per-pixel warp gets its mesh values from
    /// `warpPrologue`.
    static func fragmentSource(_ shader: TranslatedShader, perPixelWarp: Bool) -> String {
        var text = perPixelWarp ? warpFragmentShader(shader)
            : flippingLookups(shader.fragmentShader.replacingOccurrences(of: "fragColor = vec4(ret, 1.0);",
                                                                         with: "fragColor = vec4(ret, v_color.w);"))
        guard let firstLine = text.range(of: "\n") else { return text }
        text.insert(contentsOf: "\n" + flipHelpers, at: firstLine.upperBound)
        return text
    }
}
