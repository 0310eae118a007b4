import CGL
import Glibc
import GraphicsCore

/// The warp mesh as MilkDrop 2's warp shader sees it: per vertex the position, the warped uv and the unwarped
/// uv_orig, rad and ang. Its colour is white: with a warp shader MilkDrop passes no decay, the shader does it.
///
/// MilkDrop draws the mesh in two halves so `ang` does not sweep through the whole circle on the left
/// half of the middle row: there it is +π for the upper half and −π for the lower. The middle row is stored
/// twice for that.
final class ShaderWarpGeometry {
    private let array = VertexArray()
    private let vertices = GLBuffer(kind: .vertices)
    private let indices = GLBuffer(kind: .indices)
    private let indexCount: Int
    /// For each stored vertex, the mesh vertex it copies.
    private let source: [Int]
    /// Position, (uv placeholder), uv_orig, rad, ang: 8 floats per stored vertex.
    private var data: [Float]
    /// White with each vertex's alpha, while two presets blend (attribute 3 as an array).
    private let colors = GLBuffer(kind: .vertices)

    init(mesh: WarpMesh) {
        let columns = mesh.columns, rows = mesh.rows
        let split = rows % 2 == 0 ? rows / 2 : -1
        var source: [Int] = []
        var angleOverride: [Float?] = []
        for row in 0...rows {
            for column in 0...columns {
                source.append(row * (columns + 1) + column)
                angleOverride.append(row == split && column < columns / 2 ? Float.pi : nil)
            }
            if row == split {
                for column in 0...columns {
                    source.append(row * (columns + 1) + column)
                    angleOverride.append(column < columns / 2 ? -Float.pi : nil)
                }
            }
        }
        self.source = source
        data = [Float](repeating: 0, count: source.count * 8)
        for (stored, index) in source.enumerated() {
            let x = mesh.clipX[index], y = mesh.clipY[index]
            data.replaceSubrange(stored * 8..<stored * 8 + 8, with: [x, y, 0, 0, x * 0.5 + 0.5, -y * 0.5 + 0.5,
                                                                     mesh.radius[index], angleOverride[stored] ?? mesh.angle[index]])
        }
        let stride = UInt32(columns + 1)
        var list: [UInt32] = []
        for row in 0..<rows {
            // Cells below the split read the second copy of the middle row and everything after it.
            let top = UInt32(split >= 0 && row >= split ? row + 1 : row)
            for column in 0..<columns {
                let corner = top * stride + UInt32(column)
                list += [corner, corner + 1, corner + stride, corner + 1, corner + stride + 1, corner + stride]
            }
        }
        indexCount = list.count
        array.setAttribute(0, buffer: vertices, components: 2, stride: 8, offset: 0)
        array.setAttribute(1, buffer: vertices, components: 4, stride: 8, offset: 2)
        array.setAttribute(2, buffer: vertices, components: 2, stride: 8, offset: 6)
        array.setIndices(indices)
        indices.upload(list)
        VertexArray.unbind()
    }

    /// Draws the mesh with this frame's warped coordinates (u, v with v = 0 at the top, per mesh vertex), white,
    /// and with `alphas` (per mesh vertex) as the vertex colour's alpha when given (a blend's weights).
    func draw(coordinates: [SIMD2<Float>], alphas: [Float]? = nil) {
        for (stored, index) in source.enumerated() where index < coordinates.count {
            data[stored * 8 + 2] = coordinates[index].x
            data[stored * 8 + 3] = coordinates[index].y
        }
        array.bind()
        if let alphas {
            colors.upload(source.flatMap { index in [1, 1, 1, index < alphas.count ? alphas[index] : 1] as [Float] })
            array.setAttribute(3, buffer: colors, components: 4, stride: 4, offset: 0)
        } else {
            glDisableVertexAttribArray(3)
            glVertexAttrib4f(3, 1, 1, 1, 1)
        }
        vertices.upload(data)
        glDrawElements(GLenum(GL_TRIANGLES), GLsizei(indexCount), GLenum(GL_UNSIGNED_INT), nil)
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
