import Crypto
import Recording

/// The measurements of one captured frame, and the box filter that brings it to the output size.
public enum FrameMetrics {
    /// Mean Rec. 601 luma (0.299 R + 0.587 G + 0.114 B) in 0…1.
    public static func luma(_ image: RGBImage) -> Double { image.meanLuma }

    /// Share of pixels whose luma is above `threshold` (0…1).
    public static func coverage(_ image: RGBImage, threshold: Double) -> Double {
        let limit = threshold * 255
        var lit = 0
        let pixels = image.pixels
        for index in stride(from: 0, to: pixels.count, by: 3) {
            let y = 0.299 * Double(pixels[index]) + 0.587 * Double(pixels[index + 1]) + 0.114 * Double(pixels[index + 2])
            if y > limit { lit += 1 }
        }
        return Double(lit) / Double(image.width * image.height)
    }

    /// Mean absolute difference of every channel of every pixel, over 255 (0 = identical, 1 = black vs white).
    /// Pictures of different sizes differ by 1.
    public static func difference(_ a: RGBImage, _ b: RGBImage) -> Double {
        guard a.width == b.width, a.height == b.height else { return 1 }
        var sum = 0
        a.pixels.withUnsafeBufferPointer { x in
            b.pixels.withUnsafeBufferPointer { y in
                for index in 0..<x.count { sum += abs(Int(x[index]) - Int(y[index])) }
            }
        }
        return Double(sum) / (255 * Double(a.pixels.count))
    }

    /// SHA-1 of the RGB bytes, 40 lower-case hex digits (swift-crypto's `Insecure.SHA1`).
    public static func sha1(_ image: RGBImage) -> String {
        Insecure.SHA1.hash(data: image.pixels).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// Box-filters `image` down to `size × size`: each output pixel is the rounded mean of the source pixels
    /// whose centres fall in its footprint. Returns the image itself when it already has that size.
    public static func scaled(_ image: RGBImage, to size: Int) throws -> RGBImage {
        if image.width == size, image.height == size { return image }
        var out = [UInt8](repeating: 0, count: size * size * 3)
        let xs = (0...size).map { $0 * image.width / size }
        let ys = (0...size).map { $0 * image.height / size }
        let source = image.pixels
        let stride = image.width * 3
        for row in 0..<size {
            let y0 = ys[row], y1 = max(ys[row + 1], y0 + 1)
            for column in 0..<size {
                let x0 = xs[column], x1 = max(xs[column + 1], x0 + 1)
                var r = 0, g = 0, b = 0
                for y in y0..<min(y1, image.height) {
                    var index = y * stride + x0 * 3
                    for _ in x0..<min(x1, image.width) {
                        r += Int(source[index]); g += Int(source[index + 1]); b += Int(source[index + 2])
                        index += 3
                    }
                }
                let n = (min(y1, image.height) - y0) * (min(x1, image.width) - x0)
                let target = (row * size + column) * 3
                out[target] = UInt8((r + n / 2) / n)
                out[target + 1] = UInt8((g + n / 2) / n)
                out[target + 2] = UInt8((b + n / 2) / n)
            }
        }
        return try RGBImage(width: size, height: size, pixels: out)
    }
}
