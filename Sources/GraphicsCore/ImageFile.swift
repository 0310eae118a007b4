import CSDL2
import CSDL2Image

/// An 8-bit RGBA picture in memory: `width`×`height` pixels, four bytes each (R, G, B, A), top row first.
public struct RGBAImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width`×`height` picture of one colour.
    public init(width: Int, height: Int, red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
        self.init(width: width, height: height, pixels: (0..<max(width * height, 0)).flatMap { _ in [red, green, blue, alpha] })
    }

    /// The four bytes of pixel (`x`, `y`), `y` counted from the top.
    public func pixel(x: Int, y: Int) -> [UInt8] {
        let start = (y * width + x) * 4
        return Array(pixels[start..<start + 4])
    }
}

/// Image files read with SDL2_image: PNG, JPEG, TGA, BMP (and whatever else the installed SDL2_image decodes).
public enum ImageFile {
    /// Decodes the image at `path` into RGBA8, whatever its pixel format (palettes, RGB, 16-bit, alpha or not).
    ///
    /// SDL2_image is safe to call from any thread for decoding; every surface it returns is freed here.
    public static func read(_ path: String) throws -> RGBAImage {
        guard let loaded = IMG_Load(path) else {
            throw GraphicsCoreError.image(path: path, message: sdlError())
        }
        defer { SDL_FreeSurface(loaded) }
        // ABGR8888 is a 32-bit word whose bytes in memory are R, G, B, A on a little-endian machine.
        let format = UInt32(littleEndian: 1) == 1 ? UInt32(SDL_PIXELFORMAT_ABGR8888.rawValue)
                                                  : UInt32(SDL_PIXELFORMAT_RGBA8888.rawValue)
        guard let converted = SDL_ConvertSurfaceFormat(loaded, format, 0) else {
            throw GraphicsCoreError.image(path: path, message: "cannot convert to RGBA: \(sdlError())")
        }
        defer { SDL_FreeSurface(converted) }
        let width = Int(converted.pointee.w), height = Int(converted.pointee.h), pitch = Int(converted.pointee.pitch)
        guard width > 0, height > 0 else {
            throw GraphicsCoreError.image(path: path, message: "empty image \(width)x\(height)")
        }
        guard SDL_LockSurface(converted) == 0 else {
            throw GraphicsCoreError.image(path: path, message: "cannot lock surface: \(sdlError())")
        }
        defer { SDL_UnlockSurface(converted) }
        guard let base = converted.pointee.pixels else {
            throw GraphicsCoreError.image(path: path, message: "surface has no pixels")
        }
        let rowBytes = width * 4
        var pixels = [UInt8](repeating: 0, count: rowBytes * height)
        pixels.withUnsafeMutableBytes { destination in
            for row in 0..<height {
                let source = UnsafeRawBufferPointer(start: base + row * pitch, count: rowBytes)
                UnsafeMutableRawBufferPointer(rebasing: destination[(row * rowBytes)..<((row + 1) * rowBytes)])
                    .copyMemory(from: source)
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}
