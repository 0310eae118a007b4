import Determinism
import Glibc

/// Where on the picture a preset transition arrives first: MilkDrop 2's per-vertex blend pattern.
///
/// Each warp-mesh vertex gets a slope `a` and an offset `c`; at linear progress p the new preset's weight there
/// is clamp(a·p + c, 0, 1) (plugin.cpp `RandomizeBlendPattern`, milkdropfs.cpp `ComputeGridAlphaValues`).
/// `a = (1 + band)/band` and `c = (t − 1)/band` for a field t in 0…1, so the vertex with t = 0 turns at p = 0 … 
/// band/(1+band) and t = 1 at p = 1/(1+band) … 1: a soft front `band` wide sweeps the picture.
public struct BlendPattern: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The same weight everywhere (MilkDrop 2 keeps it but never picks it at random).
        case uniform
        /// A straight front moving in a random direction.
        case wipe
        /// A fractal plasma field.
        case plasma
        /// A circular front, outside in or inside out.
        case radial
    }

    public let kind: Kind
    /// Per mesh vertex, row 0 at the top (as `WarpMesh`).
    public let slope: [Float]
    public let offset: [Float]

    /// The new preset's weight at vertex `index` for linear progress `progress` (0…1).
    /// At progress 1 the blend is over (MilkDrop stops blending), whatever rounding leaves at a vertex.
    public func weight(vertex index: Int, progress: Float) -> Float {
        progress >= 1 ? 1 : min(max(slope[index] * progress + offset[index], 0), 1)
    }

    /// MilkDrop's random choice among wipe, plasma and radial (`1 + rand() % 3`).
    public static func random(mesh: WarpMesh, random: inout SeededRandom) -> BlendPattern {
        let kinds: [Kind] = [.wipe, .plasma, .radial]
        return BlendPattern(kind: kinds[Int(random.next() % 3)], mesh: mesh, random: &random)
    }

    /// Builds a pattern of `kind` over `mesh`, drawing its random parameters from `random`.
    public init(kind: Kind, mesh: WarpMesh, random: inout SeededRandom) {
        self.kind = kind
        let columns = mesh.columns, rows = mesh.rows
        let count = mesh.vertexCount
        var field = [Float](repeating: 0, count: count)
        var band: Float = 1
        // MilkDrop's aspect factors are ≤ 1 on the short side; on its square canvas both are 1.
        let aspectX = mesh.aspectX, aspectY = mesh.aspectY
        switch kind {
        case .uniform:
            slope = [Float](repeating: 1, count: count)
            offset = [Float](repeating: 0, count: count)
            return
        case .wipe:
            let angle = random.unitFloat() * 6.28
            let direction = SIMD2(cosf(angle), sinf(angle))
            band = 0.1 + 0.2 * random.unitFloat()
            for row in 0...rows {
                let fy = Float(row) / Float(rows) * aspectY
                for column in 0...columns {
                    let fx = Float(column) / Float(columns) * aspectX
                    let along: Float = (fx - 0.5) * direction.x + (fy - 0.5) * direction.y
                    field[row * (columns + 1) + column] = along / Float(2).squareRoot() + 0.5
                }
            }
        case .plasma:
            band = 0.12 + 0.13 * random.unitFloat()
            var plasma = Plasma(columns: columns, aspectX: aspectX, aspectY: aspectY, values: field)
            for corner in [0, columns, rows * (columns + 1), rows * (columns + 1) + columns] {
                plasma.values[corner] = random.unitFloat()
            }
            plasma.fill(x0: 0, x1: columns, y0: 0, y1: rows, spread: 0.25, random: &random)
            let low = plasma.values.min() ?? 0, high = plasma.values.max() ?? 1
            let scale: Float = high > low ? 1 / (high - low) : 0
            field = plasma.values.map { ($0 - low) * scale }
        case .radial:
            band = 0.02 + 0.14 * random.unitFloat() + 0.34 * random.unitFloat()
            let insideOut = random.next() % 2 == 0
            for row in 0...rows {
                let dy = (Float(row) / Float(rows) - 0.5) * aspectY
                for column in 0...columns {
                    let dx = (Float(column) / Float(columns) - 0.5) * aspectX
                    let t = (dx * dx + dy * dy).squareRoot() * 1.41421
                    field[row * (columns + 1) + column] = insideOut ? 1 - t : t
                }
            }
        }
        let inverse = 1 / band
        slope = [Float](repeating: inverse * (1 + band), count: count)
        offset = field.map { -inverse + inverse * $0 }
    }
}

/// MilkDrop's midpoint-displacement plasma (`GenPlasma`) over the mesh's vertices.
private struct Plasma {
    let columns: Int
    let aspectX: Float
    let aspectY: Float
    var values: [Float]

    subscript(x: Int, y: Int) -> Float {
        get { values[y * (columns + 1) + x] }
        set { values[y * (columns + 1) + x] = newValue }
    }

    mutating func fill(x0: Int, x1: Int, y0: Int, y1: Int, spread: Float, random: inout SeededRandom) {
        let midX = (x0 + x1) / 2, midY = (y0 + y1) / 2
        var t00 = self[x0, y0], t01 = self[x1, y0], t10 = self[x0, y1], t11 = self[x1, y1]
        if y1 - y0 >= 2 {
            if x0 == 0 { self[x0, midY] = 0.5 * (t00 + t10) + random.bipolar() * spread * aspectY }
            self[x1, midY] = 0.5 * (t01 + t11) + random.bipolar() * spread * aspectY
        }
        if x1 - x0 >= 2 {
            if y0 == 0 { self[midX, y0] = 0.5 * (t00 + t01) + random.bipolar() * spread * aspectX }
            self[midX, y1] = 0.5 * (t10 + t11) + random.bipolar() * spread * aspectX
        }
        if y1 - y0 >= 2, x1 - x0 >= 2 {
            t00 = self[x0, midY]; t01 = self[x1, midY]; t10 = self[midX, y0]; t11 = self[midX, y1]
            self[midX, midY] = 0.25 * (t00 + t01 + t10 + t11) + random.bipolar() * spread
            fill(x0: x0, x1: midX, y0: y0, y1: midY, spread: spread * 0.5, random: &random)
            fill(x0: midX, x1: x1, y0: y0, y1: midY, spread: spread * 0.5, random: &random)
            fill(x0: x0, x1: midX, y0: midY, y1: y1, spread: spread * 0.5, random: &random)
            fill(x0: midX, x1: x1, y0: midY, y1: y1, spread: spread * 0.5, random: &random)
        }
    }
}
