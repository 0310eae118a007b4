import CGL
import Glibc
import GraphicsCore

/// The warp mesh's values (warped uv, rad, ang) as a float texture that one bilinear read per pixel interpolates
/// exactly as the rasteriser would over MilkDrop's triangles, for warp shaders drawn as one triangle covering the
/// picture (`ShaderStageProgram.warpPrologue`).
///
/// Each mesh triangle gets a 2×2 texel block holding its plane's values at the cell's four corners (the corner
/// outside the triangle extrapolated), and bilinear filtering of a plane is the plane itself. That is one filtered
/// read where the three vertices took three fetches and the weights a dozen operations per pixel (≈ 1 ms a frame
/// less at 1280×720 on llvmpipe). The middle row is stored twice as in `ShaderWarpMesh` (`ang` is +π above and −π
/// below on its left half); the blocks of cells below the split read the second copy.
final class ShaderWarpGeometry {
    let columns: Int
    let rows: Int
    /// The mesh row stored twice (the split of `ang`), or -1 for an odd row count.
    let split: Int
    /// For each stored vertex, the mesh vertex it copies.
    private let source: [Int]
    /// uv (this frame), rad, ang: 4 floats per stored vertex, the rows in order (the split row twice).
    private var vertices: [Float]
    /// The blocks: `blockTextureWidth` × `blockTextureHeight` texels of 4 floats, bottom row first.
    private var blocks: [Float]
    /// `blocks` as a float texture with linear filtering; two, used in turn, so an upload never waits for the
    /// previous frame's draw to finish reading.
    private let textures: [Texture2D]
    private var next = 0
    private let array = VertexArray()
    private let triangle = GLBuffer(kind: .vertices)

    /// Texels across: two triangles of two texels per cell.
    var blockTextureWidth: Int { columns * 4 }
    /// Texels down: two per cell row.
    var blockTextureHeight: Int { rows * 2 }

    init(mesh: WarpMesh) throws {
        columns = mesh.columns
        rows = mesh.rows
        split = rows % 2 == 0 ? rows / 2 : -1
        let (source, angleOverride) = ShaderWarpMesh.storedVertices(mesh)
        self.source = source
        vertices = [Float](repeating: 0, count: source.count * 4)
        for (stored, index) in source.enumerated() {
            vertices[stored * 4 + 2] = mesh.radius[index]
            vertices[stored * 4 + 3] = angleOverride[stored] ?? mesh.angle[index]
        }
        blocks = [Float](repeating: 0, count: columns * 4 * rows * 2 * 4)
        let (width, height) = (columns * 4, rows * 2)
        textures = try wrapGraphics {
            try (0..<2).map { _ in try Texture2D(width: width, height: height, format: .rgba32f) }
        }
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
        // One triangle covering the picture; the fragment stage finds its mesh cell from gl_FragCoord.
        array.setAttribute(0, buffer: triangle, components: 2, stride: 2, offset: 0)
        triangle.upload([-1, 1, 3, 1, -1, -3] as [Float])
        VertexArray.unbind()
    }

    /// Draws the mesh with this frame's warped coordinates (u, v with v = 0 at the top, per mesh vertex); the
    /// program's mesh texture unit is `unit`.
    func draw(coordinates: [SIMD2<Float>], unit: Int) {
        uploadMesh(coordinates: coordinates, unit: unit)
        array.bind()
        glVertexAttrib4f(3, 1, 1, 1, 1)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
    }

    /// Uploads this frame's warped coordinates into the mesh texture and binds it on `unit`.
    func uploadMesh(coordinates: [SIMD2<Float>], unit: Int) {
        for (stored, index) in source.enumerated() where index < coordinates.count {
            vertices[stored * 4] = coordinates[index].x
            vertices[stored * 4 + 1] = coordinates[index].y
        }
        fillBlocks()
        let texture = textures[next]
        next = 1 - next
        // The upload binds on the active unit and unbinds after: make that the mesh's unit, not a sampler's.
        glActiveTexture(GLenum(GL_TEXTURE0 + Int32(unit)))
        try? texture.upload(rgbaFloats: blocks)
        texture.bind(unit: unit)
        // Read with the texture's own linear filter, whatever sampler object an earlier pass left on the unit.
        SamplerObject.unbind(unit: unit)
        glActiveTexture(GLenum(GL_TEXTURE0))
    }

    /// Each cell's two triangles as 2×2 blocks. With a, b, c, d the cell's top-left, top-right, bottom-left and
    /// bottom-right vertices, MilkDrop's triangles are (a, b, c) and (b, d, c): the first block's fourth corner is
    /// b + c − a, the second's first is b + c − d.
    private func fillBlocks() {
        let stride = columns + 1, width = blockTextureWidth
        vertices.withUnsafeBufferPointer { vertex in
            blocks.withUnsafeMutableBufferPointer { block in
                func value(_ index: Int) -> SIMD4<Float> {
                    SIMD4(vertex[index * 4], vertex[index * 4 + 1], vertex[index * 4 + 2], vertex[index * 4 + 3])
                }
                func store(_ v: SIMD4<Float>, at texel: Int) {
                    block[texel * 4] = v.x
                    block[texel * 4 + 1] = v.y
                    block[texel * 4 + 2] = v.z
                    block[texel * 4 + 3] = v.w
                }
                for row in 0..<rows {
                    let top = split >= 0 && row >= split ? row + 1 : row
                    let upper = row * 2 * width, lower = upper + width
                    for column in 0..<columns {
                        let a = value(top * stride + column), b = value(top * stride + column + 1)
                        let c = value((top + 1) * stride + column), d = value((top + 1) * stride + column + 1)
                        let first = column * 4
                        store(a, at: upper + first)
                        store(b, at: upper + first + 1)
                        store(c, at: lower + first)
                        store(b + c - a, at: lower + first + 1)
                        store(b + c - d, at: upper + first + 2)
                        store(b, at: upper + first + 3)
                        store(c, at: lower + first + 2)
                        store(d, at: lower + first + 3)
                    }
                }
            }
        }
    }
}

/// MilkDrop 2's composite grid: 32×24 vertices squeezed towards the centre (where `ang` changes fastest), the
/// middle row and column doubled so `ang` is continuous in each quadrant, and the hue-shader colours per vertex.
final class ShaderCompGeometry {
    static let columns = 32
    static let rows = 24
    private let array = VertexArray()
    private let vertices = GLBuffer(kind: .vertices)
    private let indices = GLBuffer(kind: .indices)
    private let indexCount: Int
    /// Position, uv, uv (uv_orig is uv in the comp shader), rad, ang, colour: 12 floats per vertex.
    private var data: [Float]

    init(aspectX: Float, aspectY: Float) {
        let nx = Self.columns, ny = Self.rows
        data = []
        func squish(_ x: Float) -> Float {
            x > 0.5 ? powf(x * 2 - 1, 3) * 0.5 + 0.5 : (1 - powf(1 - x * 2, 3)) * 0.5
        }
        let pi: Float = 3.1415926535898
        for j in 0..<ny {
            let v = squish(Float(j - j / (ny / 2)) / Float(ny - 2))
            for i in 0..<nx {
                let u = squish(Float(i - i / (nx / 2)) / Float(nx - 2))
                let px = (u * 2 - 1) * aspectX, py = (v * 2 - 1) * aspectY
                let rad = (px * px + py * py).squareRoot() / (aspectX * aspectX + aspectY * aspectY).squareRoot()
                var ang = atan2f(py, px)
                if ang < 0 { ang += 2 * pi }
                // MilkDrop's fix-ups on the doubled middle column and row.
                let (midX, midY) = (nx / 2, ny / 2)
                if i == midX - 1 {
                    ang = pi * (j < midY - 1 ? 1.5 : j == midY - 1 ? 1.25 : j == midY ? 0.75 : 0.5)
                } else if i == midX {
                    ang = pi * (j < midY - 1 ? 1.5 : j == midY - 1 ? 1.75 : j == midY ? 0.25 : 0.5)
                } else if j == midY - 1 {
                    ang = pi * (i < midX - 1 ? 1.0 : i == midX - 1 ? 1.25 : i == midX ? 1.75 : 2.0)
                } else if j == midY {
                    ang = pi * (i < midX - 1 ? 1.0 : i == midX - 1 ? 0.75 : i == midX ? 0.25 : 0.0)
                }
                data += [u * 2 - 1, 1 - v * 2, u, v, u, v, rad, ang, 1, 1, 1, 1]
            }
        }
        var list: [UInt32] = []
        for y in 0..<(ny - 1) where y != ny / 2 - 1 {
            for x in 0..<(nx - 1) where x != nx / 2 - 1 {
                let leftHalf = x < nx / 2, topHalf = y < ny / 2
                let centre = (x == nx / 2 || x == nx / 2 - 1) && (y == ny / 2 || y == ny / 2 - 1)
                let a = UInt32(y * nx + x), b = UInt32(y * nx + x + 1)
                let c = UInt32((y + 1) * nx + x), d = UInt32((y + 1) * nx + x + 1)
                if ((leftHalf ? 1 : 0) + (topHalf ? 1 : 0) + (centre ? 1 : 0)) % 2 == 1 {
                    list += [a, b, d, d, c, a]
                } else {
                    list += [c, a, b, b, d, c]
                }
            }
        }
        indexCount = list.count
        array.setAttribute(0, buffer: vertices, components: 2, stride: 12, offset: 0)
        array.setAttribute(1, buffer: vertices, components: 4, stride: 12, offset: 2)
        array.setAttribute(2, buffer: vertices, components: 2, stride: 12, offset: 6)
        array.setAttribute(3, buffer: vertices, components: 4, stride: 12, offset: 8)
        array.setIndices(indices)
        indices.upload(list)
        VertexArray.unbind()
    }

    /// Draws the grid with MilkDrop's four hue-shader corner colours interpolated over it.
    ///
    /// The corners are (in MilkDrop's order) the bottom-right … top-left of its y-up space, each colour an
    /// 8-bit vertex colour as `D3DCOLOR_RGBA_01` makes it. `alpha` gives each vertex's alpha from its position
    /// (x, y in 0…1, y up), as a blend sets it; 1 without.
    func draw(corners: [SIMD3<Float>], alpha: ((Float, Float) -> Float)? = nil) {
        let count = Self.columns * Self.rows
        for index in 0..<count {
            if let alpha {
                data[index * 12 + 11] = alpha(data[index * 12] * 0.5 + 0.5, data[index * 12 + 1] * 0.5 + 0.5)
            } else {
                data[index * 12 + 11] = 1
            }
            let x = data[index * 12] * 0.5 + 0.5, y = data[index * 12 + 1] * 0.5 + 0.5
            var color = corners[0] * (x * y) + corners[1] * ((1 - x) * y)
            color += corners[2] * (x * (1 - y)) + corners[3] * ((1 - x) * (1 - y))
            let quantised = (color.clamped(lowerBound: .zero, upperBound: .one) * 255).rounded(.towardZero) / 255
            data[index * 12 + 8] = quantised.x
            data[index * 12 + 9] = quantised.y
            data[index * 12 + 10] = quantised.z
        }
        array.bind()
        vertices.upload(data)
        glDrawElements(GLenum(GL_TRIANGLES), GLsizei(indexCount), GLenum(GL_UNSIGNED_INT), nil)
    }
}

/// One triangle over the whole picture with uv = uv_orig (v = 0 at the top), for comp shaders that read neither
/// `rad`, `ang` nor `hue_shader`: on such a shader MilkDrop's grid only interpolates uv, which is linear in the
/// position anyway. On llvmpipe the grid's 1,300 small triangles shade every 4×4 block they touch once per
/// triangle (1.6× the picture's blocks at 640×360), one triangle shades each block once.
final class ShaderFullScreenGeometry {
    private let array = VertexArray()
    private let vertices = GLBuffer(kind: .vertices)

    init() {
        // Clip (-1, 1) is uv (0, 0); the triangle reaches x = 3 and y = -3 so it covers the square.
        let data: [Float] = [-1, 1, 0, 0, 0, 0,
                             3, 1, 2, 0, 2, 0,
                             -1, -3, 0, 2, 0, 2]
        array.setAttribute(0, buffer: vertices, components: 2, stride: 6, offset: 0)
        array.setAttribute(1, buffer: vertices, components: 4, stride: 6, offset: 2)
        vertices.upload(data)
        VertexArray.unbind()
    }

    /// Draws the triangle; rad, ang and the colour are constants the shader does not read.
    func draw() {
        array.bind()
        glVertexAttrib2f(2, 0, 0)
        glVertexAttrib4f(3, 1, 1, 1, 1)
        glDrawArrays(GLenum(GL_TRIANGLES), 0, 3)
    }
}
