import CSDL2
import CSDL2TTF

/// A coverage bitmap of rendered text: one byte of alpha per pixel, top row first.
public struct GlyphBitmap: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var coverage: [UInt8]
}

/// A TrueType font at one size, opened through SDL_ttf.
public final class TrueTypeFont {
    /// DejaVu Sans Mono from Debian's fonts-dejavu-core.
    public static let defaultPath = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"

    let font: OpaquePointer

    /// Opens the font at `path` in `pointSize` points.
    public init(path: String = TrueTypeFont.defaultPath, pointSize: Int32) throws {
        // TTF_Init counts its callers, so each font pairs it with a TTF_Quit in deinit.
        guard TTF_Init() == 0 else { throw HUDError.ttfInit(message: ttfError()) }
        guard let font = TTF_OpenFont(path, pointSize) else {
            let message = ttfError()
            TTF_Quit()
            throw HUDError.fontOpen(path: path, message: message)
        }
        self.font = font
    }

    /// The recommended distance between baselines, in pixels.
    public var lineSkip: Int { Int(TTF_FontLineSkip(font)) }

    /// Renders `text` anti-aliased into a coverage bitmap.
    public func render(_ text: String) throws -> GlyphBitmap {
        guard !text.isEmpty else { return GlyphBitmap(width: 0, height: lineSkip, coverage: []) }
        let white = SDL_Color(r: 255, g: 255, b: 255, a: 255)
        guard let surface = TTF_RenderUTF8_Blended(font, text, white) else {
            throw HUDError.render(text: text, message: ttfError())
        }
        defer { SDL_FreeSurface(surface) }
        let width = Int(surface.pointee.w)
        let height = Int(surface.pointee.h)
        let pitch = Int(surface.pointee.pitch)
        guard let pixels = surface.pointee.pixels else {
            throw HUDError.render(text: text, message: "empty surface")
        }
        // Blended text comes back as ARGB8888: alpha is the top byte of each 32-bit pixel.
        var coverage = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = pixels.advanced(by: y * pitch).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                coverage[y * width + x] = UInt8(truncatingIfNeeded: row[x] >> 24)
            }
        }
        return GlyphBitmap(width: width, height: height, coverage: coverage)
    }

    deinit {
        TTF_CloseFont(font)
        TTF_Quit()
    }
}

private func ttfError() -> String {
    guard let message = SDL_GetError() else { return "unknown error" }
    return String(cString: message)
}
