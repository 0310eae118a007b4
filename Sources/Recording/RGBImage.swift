/// An 8-bit RGB picture, top row first, rows packed with no padding.
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width × height × 3` bytes: R, G, B for each pixel, row by row from the top.
    public var pixels: [UInt8]

    /// Wraps `pixels`, checking that the buffer matches the size.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width > 0, height > 0, pixels.count == width * height * 3 else {
            throw RecordingError.badImageSize(width: width, height: height, bytes: pixels.count)
        }
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A picture of one colour.
    public init(width: Int, height: Int, red: UInt8, green: UInt8, blue: UInt8) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        var pixels = [UInt8](repeating: 0, count: self.width * self.height * 3)
        for index in stride(from: 0, to: pixels.count, by: 3) {
            pixels[index] = red
            pixels[index + 1] = green
            pixels[index + 2] = blue
        }
        self.pixels = pixels
    }

    /// Mean luma in 0...1 with Rec. 601 weights (0.299 R + 0.587 G + 0.114 B), as the sweep rules use.
    public var meanLuma: Double {
        var sum = 0.0
        for index in stride(from: 0, to: pixels.count, by: 3) {
            sum += 0.299 * Double(pixels[index]) + 0.587 * Double(pixels[index + 1]) + 0.114 * Double(pixels[index + 2])
        }
        return sum / (255.0 * Double(width * height))
    }
}
