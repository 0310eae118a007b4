import CPNG

/// PNG encoding and decoding through libpng's simplified API, which reports errors without `longjmp`.
public enum PNGCodec {
    /// Encodes `image` as an 8-bit RGB PNG.
    public static func encode(_ image: RGBImage) throws -> [UInt8] {
        var png = makeImage(width: image.width, height: image.height)
        var size: png_alloc_size_t = 0
        let stride = Int32(image.width * 3)
        // The first call only measures; the second writes.
        guard png_image_write_to_memory(&png, nil, &size, 0, image.pixels, stride, nil) != 0, size > 0 else {
            throw RecordingError.png(operation: "encode", message: message(of: &png))
        }
        var output = [UInt8](repeating: 0, count: Int(size))
        let written = output.withUnsafeMutableBytes { buffer in
            png_image_write_to_memory(&png, buffer.baseAddress, &size, 0, image.pixels, stride, nil)
        }
        guard written != 0 else {
            throw RecordingError.png(operation: "encode", message: message(of: &png))
        }
        output.removeLast(output.count - Int(size))
        return output
    }

    /// Decodes any PNG libpng reads into 8-bit RGB (alpha is composited onto black).
    public static func decode(_ data: [UInt8]) throws -> RGBImage {
        var png = makeImage(width: 0, height: 0)
        guard png_image_begin_read_from_memory(&png, data, data.count) != 0 else {
            throw RecordingError.png(operation: "decode", message: message(of: &png))
        }
        defer { png_image_free(&png) }
        png.format = UInt32(PNG_FORMAT_RGB)
        let width = Int(png.width)
        let height = Int(png.height)
        guard width > 0, height > 0, width * height <= 1 << 28 else {
            throw RecordingError.png(operation: "decode", message: "unsupported size \(width)x\(height)")
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var black = png_color(red: 0, green: 0, blue: 0)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&png, &black, buffer.baseAddress, Int32(width * 3), nil)
        }
        guard finished != 0 else {
            throw RecordingError.png(operation: "decode", message: message(of: &png))
        }
        return try RGBImage(width: width, height: height, pixels: pixels)
    }

    private static func makeImage(width: Int, height: Int) -> png_image {
        var png = png_image()
        png.version = UInt32(PNG_IMAGE_VERSION)
        png.width = UInt32(width)
        png.height = UInt32(height)
        png.format = UInt32(PNG_FORMAT_RGB)
        return png
    }

    private static func message(of png: inout png_image) -> String {
        withUnsafeBytes(of: &png.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
