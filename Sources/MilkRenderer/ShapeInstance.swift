import Glibc

/// One evaluated instance of a custom shape, ready to draw (MilkDrop coordinates: x = 0 left, y = 0 at the bottom).
public struct ShapeInstance: Sendable, Equatable {
    public var sides = 4
    public var x: Float = 0.5
    public var y: Float = 0.5
    public var radius: Float = 0.1
    public var angle: Float = 0
    public var centerColor = SIMD4<Float>(1, 0, 0, 1)
    public var edgeColor = SIMD4<Float>(0, 1, 0, 0)
    public var borderColor = SIMD4<Float>(1, 1, 1, 0.1)
    public var additive = false
    public var thickOutline = false
    public var textured = false
    public var textureZoom: Float = 1
    public var textureAngle: Float = 0

    public init() {}

    /// The triangle fan: centre then `sides + 1` rim points, as (clip x, clip y up, u, v down) per vertex.
    ///
    /// MilkDrop writes `y * -2 + 1` and the angle counter-clockwise in its own space, whose y runs down the
    /// screen; in our y-up clip space both flip.
    /// `radiusScale` is 1 in MilkDrop; projectM 3.1.12 draws `rad·0.707³·1.04` in its 0…1 space (0.7351 in clip).
    func fan(aspectY: Float, radiusScale: Float = 1) -> [SIMD4<Float>] {
        let radius = self.radius * radiusScale
        let count = min(max(sides, 3), 100)
        let cx = x * 2 - 1
        let cy = y * 2 - 1
        var points = [SIMD4<Float>(cx, cy, 0.5, 0.5)]
        for k in 1...(count + 1) {
            let p = Float(k - 1) / Float(count) * 2 * Float.pi
            let a = p + angle + Float.pi * 0.25
            let t = p + textureAngle + Float.pi * 0.25
            points.append(SIMD4(cx + radius * cosf(a) * aspectY, cy - radius * sinf(a),
                                0.5 + 0.5 * cosf(t) / textureZoom * aspectY, 0.5 + 0.5 * sinf(t) / textureZoom))
        }
        return points
    }
}

/// One evaluated custom wave, ready to draw: points in MilkDrop coordinates (y = 0 at the bottom) with colours.
public struct CustomWaveDrawing: Sendable, Equatable {
    public var points: [SIMD2<Float>]
    public var colors: [SIMD4<Float>]
    public var dots = false
    public var thick = false
    public var additive = false

    public init(points: [SIMD2<Float>], colors: [SIMD4<Float>], dots: Bool = false, thick: Bool = false, additive: Bool = false) {
        self.points = points
        self.colors = colors
        self.dots = dots
        self.thick = thick
        self.additive = additive
    }
}

/// A colour as MilkDrop's 8-bit vertex colours store it: each channel truncated to a byte and wrapped, so 1.5
/// comes out as about 0.5 and −0.1 as about 0.9, which some presets rely on.
func byteWrapped(_ color: SIMD4<Float>) -> SIMD4<Float> {
    func wrap(_ value: Float) -> Float {
        guard value.isFinite else { return 0 }
        let byte = Int(max(min(value * 255, 1e9), -1e9)) & 255
        return Float(byte) / 255
    }
    return SIMD4(wrap(color.x), wrap(color.y), wrap(color.z), wrap(color.w))
}
