import CGL
import GraphicsCore

/// The warp mesh as MilkDrop 2's warp shader sees it, drawn as triangles: per vertex the position, the warped uv and
/// the unwarped uv_orig, rad and ang. Its colour is white: with a warp shader MilkDrop passes no decay, the shader
/// does it. Used for cheap warp shaders on large cells, where rasterising the mesh costs less than `ShaderWarpGeometry`'s
/// per-pixel interpolation (`ShaderStageProgram.perPixelWarpPays`).
///
/// MilkDrop draws the mesh in two halves so `ang` does not sweep through the whole circle on the left
/// half of the middle row: there it is +π for the upper half and −π for the lower. The middle row is stored
/// twice for that.
final class ShaderWarpMesh {
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
        let (source, angleOverride) = Self.storedVertices(mesh)
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

extension ShaderWarpMesh {
    /// The stored vertices of `mesh` (the middle row twice): for each, the mesh vertex it copies and, on the left
    /// half of the middle row, the `ang` that replaces the mesh's (+π in the upper copy, −π in the lower).
    static func storedVertices(_ mesh: WarpMesh) -> (source: [Int], angleOverride: [Float?]) {
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
        return (source, angleOverride)
    }
}
