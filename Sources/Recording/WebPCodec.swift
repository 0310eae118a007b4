import CWebP

/// WebP encoding and decoding through libwebp.
public enum WebPCodec {
    /// Encodes `image`; `quality` in 0...100 gives lossy WebP, `nil` gives lossless.
    public static func encode(_ image: RGBImage, quality: Float? = nil) throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let stride = Int32(image.width * 3)
        let size: Int
        if let quality {
            size = WebPEncodeRGB(image.pixels, Int32(image.width), Int32(image.height), stride, quality, &output)
        } else {
            size = WebPEncodeLosslessRGB(image.pixels, Int32(image.width), Int32(image.height), stride, &output)
        }
        guard size > 0, let output else {
            throw RecordingError.webp(operation: "encode \(image.width)x\(image.height)")
        }
        defer { WebPFree(output) }
        return Array(UnsafeBufferPointer(start: output, count: size))
    }

    /// Decodes a WebP file into 8-bit RGB.
    public static func decode(_ data: [UInt8]) throws -> RGBImage {
        var width: Int32 = 0
        var height: Int32 = 0
        guard let decoded = WebPDecodeRGB(data, data.count, &width, &height) else {
            throw RecordingError.webp(operation: "decode (\(data.count) bytes)")
        }
        defer { WebPFree(decoded) }
        let pixels = Array(UnsafeBufferPointer(start: decoded, count: Int(width) * Int(height) * 3))
        return try RGBImage(width: Int(width), height: Int(height), pixels: pixels)
    }
}
