import Glibc

/// The warp grid and MilkDrop's per-vertex warp formula, computed on the CPU (no GL).
///
/// Coordinates follow MilkDrop: the per-pixel `x`/`y` and texture `u`/`v` run 0…1 with `y`/`v` = 0 at the
/// top. Vertex `i` is at column `i % (columns + 1)`, row `i / (columns + 1)`, row 0 at the top.
public struct WarpMesh: Sendable {
    public let columns: Int
    public let rows: Int
    public let aspectX: Float
    public let aspectY: Float
    /// The picture size the grid covers (`pixelsx`, `pixelsy` in preset code).
    public let pixelsWide: Int
    public let pixelsHigh: Int
    /// Per vertex: clip-space position (y up), and the per-pixel inputs x, y, rad, ang.
    public private(set) var clipX: [Float] = []
    public private(set) var clipY: [Float] = []
    public private(set) var x: [Float] = []
    public private(set) var y: [Float] = []
    public private(set) var radius: [Float] = []
    public private(set) var angle: [Float] = []

    /// projectM 3.1.12's per-pixel conventions (`RenderCompatibility.projectM3`): its `rad` is MilkDrop's ×√½
    /// (1 at the corners), and its `ang` and warp terms take y downwards (MilkDrop's take it upwards).
    public let projectMConventions: Bool

    public var vertexCount: Int { (columns + 1) * (rows + 1) }

    /// Builds a `columns`×`rows` grid for a `width`×`height` picture.
    ///
    /// MilkDrop 2 draws into a square canvas stretched over the window, so its circles become ellipses on a
    /// wide screen (projectM 3 does the same); that is the default. `aspectCorrected` keeps them round instead,
    /// as projectM 4 and butterchurn do, by scaling the short side's coordinates.
    public init(columns: Int, rows: Int, width: Int, height: Int, aspectCorrected: Bool = false,
                projectMConventions: Bool = false) {
        self.projectMConventions = projectMConventions
        self.columns = max(columns, 1)
        self.rows = max(rows, 1)
        pixelsWide = width
        pixelsHigh = height
        aspectX = aspectCorrected && height > width ? Float(width) / Float(height) : 1
        aspectY = aspectCorrected && width > height ? Float(height) / Float(width) : 1
        for row in 0...self.rows {
            for column in 0...self.columns {
                let px = Float(column) / Float(self.columns) * 2 - 1
                let py = 1 - Float(row) / Float(self.rows) * 2
                clipX.append(px)
                clipY.append(py)
                x.append(px * 0.5 * aspectX + 0.5)
                y.append(-py * 0.5 * aspectY + 0.5)
                let rad = (px * px * aspectX * aspectX + py * py * aspectY * aspectY).squareRoot()
                radius.append(projectMConventions ? rad * 0.7071067 : rad)
                let centre = self.rows % 2 == 0 && self.columns % 2 == 0 && row == self.rows / 2 && column == self.columns / 2
                angle.append(centre ? 0 : atan2f((projectMConventions ? -py : py) * aspectY, px * aspectX))
            }
        }
    }

    /// The factors of MilkDrop's animated warp at `time`.
    struct WarpWave {
        let time: Float
        let scaleInverse: Float
        let f0, f1, f2, f3: Float

        init(time: Double, parameters: LayerParameters) {
            let t = Float(time) * parameters.warpAnimSpeed
            self.time = t
            scaleInverse = parameters.warpScale == 0 ? 1 : 1 / parameters.warpScale
            f0 = 11.68 + 4 * cosf(t * 1.413 + 10)
            f1 = 8.77 + 3 * cosf(t * 1.113 + 7)
            f2 = 10.54 + 3 * cosf(t * 1.233 + 3)
            f3 = 11.49 + 4 * cosf(t * 0.933 + 5)
        }
    }

    /// Texture coordinates (u, v with v = 0 at the top) the previous frame is sampled at, per vertex.
    ///
    /// `field` gives per-vertex motion (per_pixel code); without it every vertex uses `parameters.motion`.
    public func textureCoordinates(parameters: LayerParameters, field: WarpField?, time: Double) -> [SIMD2<Float>] {
        let wave = WarpWave(time: time, parameters: parameters)
        var result = [SIMD2<Float>](repeating: .zero, count: vertexCount)
        let motions = field.map { $0.motions.count == vertexCount ? $0.motions : nil } ?? nil
        for index in 0..<vertexCount {
            let motion = motions?[index] ?? parameters.motion
            result[index] = warp(index, motion, wave)
        }
        return result
    }

    private func warp(_ index: Int, _ m: VertexMotion, _ wave: WarpWave) -> SIMD2<Float> {
        let px = clipX[index]
        let py = clipY[index]
        let warpY = projectMConventions ? -py : py
        let zoom2 = powf(m.zoom, powf(m.zoomExponent, radius[index] * 2 - 1))
        let zoomInverse = 1 / zoom2
        var u = px * 0.5 * aspectX * zoomInverse + 0.5
        var v = -py * 0.5 * aspectY * zoomInverse + 0.5
        u = (u - m.centerX) / m.sx + m.centerX
        v = (v - m.centerY) / m.sy + m.centerY
        if m.warp != 0 {
            let amount = m.warp * 0.0035
            let t = wave.time
            let s = wave.scaleInverse
            u += amount * sinf(t * 0.333 + s * (px * wave.f0 - warpY * wave.f3))
            v += amount * cosf(t * 0.375 - s * (px * wave.f2 + warpY * wave.f1))
            u += amount * cosf(t * 0.753 - s * (px * wave.f1 - warpY * wave.f2))
            v += amount * sinf(t * 0.825 + s * (px * wave.f0 + warpY * wave.f3))
        }
        let u2 = u - m.centerX
        let v2 = v - m.centerY
        let cosine = cosf(m.rotation)
        let sine = sinf(m.rotation)
        u = u2 * cosine - v2 * sine + m.centerX
        v = u2 * sine + v2 * cosine + m.centerY
        u -= m.dx
        v -= m.dy
        u = (u - 0.5) / aspectX + 0.5
        v = (v - 0.5) / aspectY + 0.5
        return SIMD2(u, v)
    }

    /// Triangle indices covering the grid, two per cell.
    public var triangleIndices: [UInt32] {
        var indices: [UInt32] = []
        indices.reserveCapacity(columns * rows * 6)
        let stride = UInt32(columns + 1)
        for row in 0..<rows {
            for column in 0..<columns {
                let corner = UInt32(row) * stride + UInt32(column)
                indices += [corner, corner + 1, corner + stride, corner + 1, corner + stride + 1, corner + stride]
            }
        }
        return indices
    }
}
