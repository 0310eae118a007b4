import Coupling
import GraphicsCore

/// Builds input pictures and measures output pictures for the compositor tests.
enum Pictures {
    /// A texture whose pixel (x, y) (y = 0 at the top) has the colour `colour(x, y)` (0…255 each).
    static func texture(width: Int, height: Int, _ colour: (Int, Int) -> SIMD3<UInt8>) throws -> Texture2D {
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let c = colour(x, y)
                // GL stores the bottom row first.
                let offset = ((height - 1 - y) * width + x) * 4
                rgba[offset] = c.x
                rgba[offset + 1] = c.y
                rgba[offset + 2] = c.z
            }
        }
        let texture = try Texture2D(width: width, height: height)
        try texture.upload(rgba: rgba)
        return texture
    }

    /// Pixel (x, y) of packed RGB, top row first.
    static func pixel(_ rgb: [UInt8], width: Int, x: Int, y: Int) -> SIMD3<UInt8> {
        let offset = (y * width + x) * 3
        return SIMD3(rgb[offset], rgb[offset + 1], rgb[offset + 2])
    }

    /// Mean x of the pixels for which `matches` holds (nil if none).
    static func centroidX(_ rgb: [UInt8], width: Int, height: Int, where matches: (SIMD3<UInt8>) -> Bool) -> Double? {
        var sum = 0.0, count = 0.0
        for y in 0..<height {
            for x in 0..<width where matches(pixel(rgb, width: width, x: x, y: y)) {
                sum += Double(x)
                count += 1
            }
        }
        return count > 0 ? sum / count : nil
    }

    /// Mean absolute difference of horizontally adjacent green values: high-frequency energy.
    static func highFrequencyEnergy(_ rgb: [UInt8], width: Int, height: Int) -> Double {
        var sum = 0.0
        for y in 0..<height {
            for x in 0..<(width - 1) {
                sum += abs(Double(pixel(rgb, width: width, x: x + 1, y: y).y) - Double(pixel(rgb, width: width, x: x, y: y).y))
            }
        }
        return sum / Double((width - 1) * height)
    }

    static func meanLuma(_ rgb: [UInt8]) -> Double {
        var sum = 0.0
        for i in stride(from: 0, to: rgb.count, by: 3) {
            sum += KeyMask.luma(red: Double(rgb[i]), green: Double(rgb[i + 1]), blue: Double(rgb[i + 2]))
        }
        return sum / Double(rgb.count / 3) / 255
    }
}
