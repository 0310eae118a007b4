#if canImport(Glibc)
import Glibc
#endif

/// The per-pixel inputs of MilkDrop's warp mesh: x, y, rad and ang for each of (cellsX+1)×(cellsY+1) vertices.
///
/// Computed in single precision as MilkDrop/projectM do: grid coordinates in [-1, 1], `rad = hypotf(x·ax, y·ay)`,
/// `ang = -atan2f(y·ay, x·ax)` (0 at the centre vertex), and the code sees `x·0.5·ax + 0.5`, `y·0.5·ay + 0.5`.
public struct MeshGrid: Sendable {
    public let cellsX: Int
    public let cellsY: Int
    public let x: [Double]
    public let y: [Double]
    public let rad: [Double]
    public let ang: [Double]

    public var vertexCount: Int { x.count }

    public init(cellsX: Int = 48, cellsY: Int = 36, aspectX: Float = 1, aspectY: Float = 1) {
        self.cellsX = cellsX
        self.cellsY = cellsY
        var xs: [Double] = [], ys: [Double] = [], rads: [Double] = [], angs: [Double] = []
        for gy in 0...cellsY {
            for gx in 0...cellsX {
                let fx = Float(gx) / Float(cellsX) * 2 - 1
                let fy = Float(gy) / Float(cellsY) * 2 - 1
                let radius = hypotf(fx * aspectX, fy * aspectY)
                let angle: Float = (gy == cellsY / 2 && gx == cellsX / 2) ? 0 : atan2f(fy * aspectY, fx * aspectX)
                xs.append(Double(fx * 0.5 * aspectX + 0.5))
                ys.append(Double(fy * 0.5 * aspectY + 0.5))
                rads.append(Double(radius))
                angs.append(Double(-angle))
            }
        }
        x = xs
        y = ys
        rad = rads
        ang = angs
    }
}
