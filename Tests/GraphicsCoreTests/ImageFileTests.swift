import Foundation
import Testing
@testable import GraphicsCore

/// Decoding the tiny fixture images of every supported format to RGBA8, and the errors of bad files.
struct ImageFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/GraphicsCore").standardized

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The 3×2 fixture: red, green, blue on top; white, black, translucent grey below.
    static let expected: [[UInt8]] = [
        [255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255],
        [255, 255, 255, 255], [0, 0, 0, 255], [128, 128, 128, 64],
    ]

    @Test(arguments: ["rgba-3x2.png", "rgba-3x2.tga"])
    func losslessRGBAImagesDecodeExactly(_ name: String) throws {
        let image = try ImageFile.read(Self.path(name))
        #expect(image.width == 3 && image.height == 2)
        #expect(image.pixels.count == 3 * 2 * 4)
        for y in 0..<2 {
            for x in 0..<3 { #expect(image.pixel(x: x, y: y) == Self.expected[y * 3 + x], "\(name) (\(x),\(y))") }
        }
    }

    @Test func bmpWithoutAlphaIsOpaque() throws {
        let image = try ImageFile.read(Self.path("rgb-3x2.bmp"))
        #expect(image.width == 3 && image.height == 2)
        #expect(image.pixel(x: 0, y: 0) == [255, 0, 0, 255])
        #expect(image.pixel(x: 2, y: 1) == [128, 128, 128, 255])
    }

    @Test func jpegDecodesCloseToItsColour() throws {
        let image = try ImageFile.read(Self.path("flat-4x4.jpg"))
        #expect(image.width == 4 && image.height == 4)
        let p = image.pixel(x: 1, y: 2)
        #expect(abs(Int(p[0]) - 200) <= 4 && abs(Int(p[1]) - 100) <= 4 && abs(Int(p[2]) - 50) <= 4 && p[3] == 255)
    }

    @Test func palettedPNGIsConverted() throws {
        let image = try ImageFile.read(Self.path("palette-2x2.png"))
        #expect(image.pixels == [10, 20, 30, 255, 40, 50, 60, 255, 40, 50, 60, 255, 10, 20, 30, 255])
    }

    @Test func corruptFileIsAnErrorNamingIt() {
        let path = Self.path("corrupt.png")
        #expect {
            try ImageFile.read(path)
        } throws: { error in
            guard case let GraphicsCoreError.image(errorPath, _) = error else { return false }
            return errorPath == path && "\(error)".hasPrefix(path + ": cannot read image")
        }
    }

    @Test func missingFileIsAnErrorNamingIt() {
        let path = Self.path("no-such-image.png")
        #expect {
            try ImageFile.read(path)
        } throws: { error in
            guard case let GraphicsCoreError.image(errorPath, _) = error else { return false }
            return errorPath == path
        }
    }

    @Test func solidColourImage() {
        let image = RGBAImage(width: 2, height: 1, red: 1, green: 2, blue: 3)
        #expect(image.pixels == [1, 2, 3, 255, 1, 2, 3, 255])
    }
}
