import Recording
import Testing

struct CodecTests {
    /// A small picture with a gradient, so that row order and channel order both matter.
    static func gradient(width: Int = 7, height: Int = 5) throws -> RGBImage {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                pixels += [UInt8(x * 30), UInt8(y * 50), UInt8((x + y) * 10)]
            }
        }
        return try RGBImage(width: width, height: height, pixels: pixels)
    }

    @Test func pngRoundTripIsLossless() throws {
        let image = try Self.gradient()
        let encoded = try PNGCodec.encode(image)
        #expect(Array(encoded.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(try PNGCodec.decode(encoded) == image)
    }

    @Test func pngEncodingIsDeterministic() throws {
        let image = try Self.gradient()
        #expect(try PNGCodec.encode(image) == PNGCodec.encode(image))
    }

    @Test func pngDecodeOfGarbageThrows() {
        #expect(throws: RecordingError.self) { try PNGCodec.decode([1, 2, 3, 4, 5]) }
    }

    @Test func losslessWebPRoundTripIsExact() throws {
        let image = try Self.gradient()
        let encoded = try WebPCodec.encode(image)
        #expect(String(decoding: encoded[8..<12], as: UTF8.self) == "WEBP")
        #expect(try WebPCodec.decode(encoded) == image)
    }

    @Test func lossyWebPStaysClose() throws {
        let image = RGBImage(width: 32, height: 32, red: 200, green: 100, blue: 50)
        let decoded = try WebPCodec.decode(try WebPCodec.encode(image, quality: 90))
        #expect(decoded.width == 32 && decoded.height == 32)
        #expect(abs(decoded.meanLuma - image.meanLuma) < 0.02)
    }

    @Test func webpDecodeOfGarbageThrows() {
        #expect(throws: RecordingError.self) { try WebPCodec.decode([0, 1, 2]) }
    }

    @Test func imageRejectsAMismatchedBuffer() {
        #expect(throws: RecordingError.badImageSize(width: 2, height: 2, bytes: 5)) {
            try RGBImage(width: 2, height: 2, pixels: [0, 0, 0, 0, 0])
        }
    }

    @Test func meanLumaUsesRec601Weights() {
        #expect(abs(RGBImage(width: 2, height: 2, red: 255, green: 0, blue: 0).meanLuma - 0.299) < 1e-9)
        #expect(RGBImage(width: 3, height: 1, red: 0, green: 0, blue: 0).meanLuma == 0)
    }
}
