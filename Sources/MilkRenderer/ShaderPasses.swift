import CGL
import Determinism
import Glibc
import GraphicsCore
import ShaderTranslation

/// The GL side of MilkDrop 2's shader passes for one layer: the compiled programs of the current preset, the warp
/// mesh and composite grid they draw, the blur pyramid, noise textures and sampler objects.
///
/// Made the first time a layer draws a preset with shaders, so MilkDrop 1 presets pay nothing for it. It keeps the
/// programs of the last two presets it drew (`ShaderProgramSet`), so a blend can draw the old preset's shaders
/// beside the new one's (`MilkLayer+ShaderBlend`).
final class ShaderPasses {
    let width: Int
    let height: Int
    let noise = NoiseTextures()
    private(set) var blur: BlurPyramid?
    /// Filter × wrap: index `linear ? 2 : 0` + `wrap ? 1 : 0`.
    private let samplerObjects: [SamplerObject]
    /// The same four for the noise textures, which have mipmaps (MilkDrop's mip filter follows the min filter).
    private let mipmapSamplerObjects: [SamplerObject]
    /// What an unknown user texture reads until the texture library resolves it: mid grey.
    private let neutral: Texture2D
    /// The programs of the presets drawn last, the current one first; at most two.
    private var sets: [ShaderProgramSet] = []
    /// The current preset's programs.
    var warpProgram: ShaderStageProgram? { sets.first?.warp }
    var compProgram: ShaderStageProgram? { sets.first?.comp }
    /// Preset programs this layer compiled itself (not adopted from a `ShaderCompileWorker`).
    private(set) var compiledPrograms = 0
    /// Lines to report (a stage that did not compile), taken by `takeDiagnostics`.
    private(set) var diagnostics: [String] = []
    /// `rand_frame` and the `rot_rand` matrices: new values each frame, from the layer's seed.
    var random: SeededRandom
    let warpGeometry: ShaderWarpGeometry
    let warpMesh: ShaderWarpMesh
    let compGeometry: ShaderCompGeometry
    let fullScreenGeometry = ShaderFullScreenGeometry()
    /// This layer's mesh and picture, for the programs' size-dependent uniforms.
    let layout: ShaderStageProgram.WarpGrid
    /// How warp programs compiled from now on draw the mesh.
    var warpDrawing = ShaderStageProgram.WarpDrawing.cheaper

    init(width: Int, height: Int, mesh: WarpMesh, seed: UInt64) throws {
        self.width = width
        self.height = height
        random = SeededRandom(seed: seed ^ 0xF4A3_E5EE_D000)
        samplerObjects = [SamplerObject(linear: false, wrap: false), SamplerObject(linear: false, wrap: true),
                          SamplerObject(linear: true, wrap: false), SamplerObject(linear: true, wrap: true)]
        mipmapSamplerObjects = [false, true].flatMap { linear in
            [false, true].map { SamplerObject(linear: linear, wrap: $0, mipmapped: true) }
        }
        let grey = try wrapGraphics { try Texture2D(width: 1, height: 1) }
        try wrapGraphics { try grey.upload(rgba: [128, 128, 128, 255]) }
        neutral = grey
        warpGeometry = try ShaderWarpGeometry(mesh: mesh)
        warpMesh = ShaderWarpMesh(mesh: mesh)
        compGeometry = ShaderCompGeometry(aspectX: mesh.aspectX, aspectY: mesh.aspectY)
        layout = ShaderStageProgram.WarpGrid(columns: mesh.columns, rows: mesh.rows, width: width, height: height)
    }

    /// Makes the preset's programs the current ones, compiling them unless they are the current or the previous
    /// set; a stage that fails stays nil (the MilkDrop 1 path draws it) with one line in `diagnostics`.
    func prepare(_ shaders: PresetShaders) {
        if sets.first?.identity == shaders.identity { return }
        if let index = sets.firstIndex(where: { $0.identity == shaders.identity }) {
            sets.insert(sets.remove(at: index), at: 0)
            return
        }
        var set = ShaderProgramSet(identity: shaders.identity, presetName: shaders.presetName, highestBlur: shaders.highestBlur)
        for (sampler, resolved) in shaders.textures where !resolved.isNeutral {
            guard case let .user(name) = ShaderSamplerBinding(name: sampler, isVolume: false).source else { continue }
            do {
                set.userTextures[name.lowercased()] = try Self.upload(resolved.image)
            } catch {
                diagnostics.append("\(shaders.presetName): texture \(sampler) not uploaded, neutral grey used: \(error)")
            }
        }
        set.warp = compile(shaders.warp, shaders.presetName, set)
        set.comp = compile(shaders.comp, shaders.presetName, set)
        adopt(set)
    }

    /// Takes programs compiled elsewhere (a worker's shared context) as the current set, so drawing that preset
    /// compiles nothing here.
    func adopt(_ set: ShaderProgramSet) {
        sets.removeAll { $0.identity == set.identity }
        sets.insert(set, at: 0)
        if sets.count > 2 { sets.removeLast(sets.count - 2) }
        if set.highestBlur > 0 {
            do { try makeBlur() } catch {
                diagnostics.append("\(set.presetName): blur textures not made: \(error)")
            }
        }
    }

    /// Makes the blur pyramid unless it is there.
    @discardableResult
    private func makeBlur() throws -> BlurPyramid {
        if let blur { return blur }
        let made = try BlurPyramid(width: width, height: height)
        blur = made
        return made
    }

    /// Makes the blur pyramid (and runs its passes once on `source`) and the six noise textures now, so the
    /// first preset that reads them makes nothing on the render thread.
    func prepareAll(source: Texture2D) throws {
        try makeBlur().warmUp(source: source)
        for kind in NoiseImage.kinds {
            if kind.volume { _ = try noise.volume(kind.name) } else { _ = try noise.texture(kind.name) }
        }
    }

    /// Drops the programs of the preset `identity` (a compile worker's, once it has handed them over).
    func forget(_ identity: UInt64) { sets.removeAll { $0.identity == identity } }

    /// The programs kept for the preset `identity` (the current or the previous one), without changing the order.
    func programs(for identity: UInt64) -> ShaderProgramSet? { sets.first { $0.identity == identity } }

    private func compile(_ shader: TranslatedShader?, _ presetName: String, _ set: ShaderProgramSet) -> ShaderStageProgram? {
        guard let shader else { return nil }
        compiledPrograms += 1
        do {
            return try ShaderStageProgram(shader, label: "\(presetName) \(shader.stage.rawValue) shader", warpGrid: layout,
                                          warpDrawing: warpDrawing) { name in
                textureSize(name, set)
            }
        } catch {
            diagnostics.append("\(presetName): \(shader.stage.rawValue) shader did not compile, MilkDrop's default used: \(error)")
            return nil
        }
    }

    /// Returns and clears the lines to report.
    func takeDiagnostics() -> [String] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// The size of what `texsize_NAME` names: the canvas, a blur level, a noise texture or a user texture.
    private func textureSize(_ name: String, _ set: ShaderProgramSet) -> (Int, Int) {
        let lower = name.lowercased()
        if lower == "main" { return (width, height) }
        if lower.hasPrefix("blur"), let level = Int(lower.dropFirst(4)), (1...3).contains(level) {
            let target = BlurPyramid.sizes(width: width, height: height)[level * 2 - 1]
            return target
        }
        if let kind = NoiseTextures.kind(named: lower) { return (kind.size, kind.size) }
        let texture = userTexture(name, set)
        return (texture.width, texture.height)
    }

    /// The texture a preset's own sampler reads: the image `UserTextureLibrary` found for it (given to the driver
    /// through `PresetShaders.useTextures`), else neutral grey. `name` is the texture name (`clouds` for
    /// `sampler_fw_clouds`).
    func userTexture(_ name: String, _ set: ShaderProgramSet?) -> Texture2D {
        set?.userTextures[name.lowercased()] ?? neutral
    }

    /// Uploads a decoded picture bottom row first, as our rendered textures are stored, so the shaders' flipped
    /// lookups read it the way Direct3D does (v = 0 at the top).
    static func upload(_ image: RGBAImage) throws -> Texture2D {
        let texture = try wrapGraphics { try Texture2D(width: image.width, height: image.height) }
        let row = image.width * 4
        var flipped = [UInt8](repeating: 0, count: image.pixels.count)
        for y in 0..<image.height {
            flipped.replaceSubrange((image.height - 1 - y) * row..<(image.height - y) * row,
                                    with: image.pixels[y * row..<(y + 1) * row])
        }
        try wrapGraphics { try texture.upload(rgba: flipped) }
        return texture
    }

    /// Binds `program`'s textures and sampler objects to units 0…n; user textures come from `set` (the current
    /// preset's when nil). `target` is the size of what the pass draws into, which makes two reads cheaper with the
    /// same texels: a mipmapped texture whose lookups step at most one texel per pixel of it is magnified
    /// everywhere, where GL reads only the base level, so it goes without the mip filter; and on a canvas-sized
    /// target, the frame read at pixel centres is read nearest (a bilinear read there is the texel itself).
    func bindTextures(_ program: ShaderStageProgram, main: Texture2D, set: ShaderProgramSet? = nil,
                      target: (width: Int, height: Int)) {
        let pixelScale = Double(width) / Double(max(target.width, 1))
        let canvasSized = target.width == width && target.height == height
        let set = set ?? sets.first
        if let set { program.applyLayout(layout) { textureSize($0, set) } }
        // Every texture is found (a noise texture made, with its mipmaps) before any unit is bound: making one binds it.
        let textures = program.samplers.map { texture(for: $0.source, main: main, set: set) }
        for (unit, (binding, found)) in zip(program.samplers, textures).enumerated() {
            switch found.texture {
            case let .flat(texture): texture.bind(unit: unit)
            case let .volume(texture): texture.bind(unit: unit)
            case nil: break
            }
            let magnified = binding.texelStep.map { $0 * pixelScale <= 1 } ?? false
            let linear = binding.linear && !(binding.atPixelCentres && canvasSized)
            (found.mipmapped && !magnified ? mipmapSamplerObjects : samplerObjects)[(linear ? 2 : 0) + (binding.wrap ? 1 : 0)]
                .bind(unit: unit)
        }
    }

    /// What a sampler reads, and whether it has mipmaps (the noise textures, as MilkDrop's).
    private func texture(for source: ShaderSamplerBinding.Source, main: Texture2D,
                         set: ShaderProgramSet?) -> (texture: BoundTexture?, mipmapped: Bool) {
        switch source {
        case .main: return (.flat(main), false)
        case let .blur(level): return (.flat(blur?.texture(level: level) ?? neutral), false)
        case let .noise(name):
            if let texture = try? noise.texture(name) { return (.flat(texture), true) }
            return (.flat(neutral), false)
        case let .volume(name):
            if let texture = try? noise.volume(name) { return (.volume(texture), true) }
            return (nil, false)
        case let .user(name): return (.flat(userTexture(name, set)), false)
        }
    }

    /// A texture of either kind a sampler can be given.
    private enum BoundTexture {
        case flat(Texture2D)
        case volume(Texture3D)
    }

    /// Releases the sampler objects from the units `program` used, so the MilkDrop 1 passes see their textures' own
    /// wrap and filter again.
    func unbindTextures(_ program: ShaderStageProgram) {
        for unit in program.samplers.indices { SamplerObject.unbind(unit: unit) }
        glActiveTexture(GLenum(GL_TEXTURE0))
    }
}

/// One preset's compiled warp and comp programs and its uploaded user textures (by texture name, lower case, no
/// `sampler_` or filter prefix).
struct ShaderProgramSet {
    let identity: UInt64
    let presetName: String
    /// The highest blur level the shaders read (the layer needs a blur pyramid when above 0).
    let highestBlur: Int
    var warp: ShaderStageProgram?
    var comp: ShaderStageProgram?
    var userTextures: [String: Texture2D] = [:]
}

extension BlurPyramid {
    /// MilkDrop's six blur target sizes for a `width`×`height` canvas.
    static func sizes(width: Int, height: Int) -> [(Int, Int)] {
        var sizes: [(Int, Int)] = []
        var w = width, h = height
        for pass in 0..<6 {
            if pass % 2 == 0 || pass < 2 {
                w = max(16, w / 2)
                h = max(16, h / 2)
            }
            sizes.append((((w + 3) / 16) * 16, ((h + 3) / 4) * 4))
        }
        return sizes
    }
}
