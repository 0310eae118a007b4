/// Every glyph the HUD can draw, rendered once into one coverage bitmap (uploaded once as a texture).
///
/// Characters outside `GlyphAtlas.characters` are drawn as "?", so a frame never renders text on the fly.
public struct GlyphAtlas: Sendable, Equatable {
    /// Where one glyph lies in the bitmap and how far it moves the pen.
    public struct Glyph: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
        public var advance: Int
    }

    /// ASCII plus the few symbols the HUD uses.
    public static let characters: [Character] =
        (32...126).compactMap { Unicode.Scalar($0).map(Character.init) } + Array("·…×–—→←↑↓°±µ█▏")

    public let width: Int
    public let height: Int
    /// One byte of coverage per pixel, top row first.
    public let coverage: [UInt8]
    public let glyphs: [Character: Glyph]
    /// Distance between baselines, in pixels.
    public let lineHeight: Int
    /// A fully covered cell: solid rectangles sample its centre.
    public let solid: Glyph

    /// Renders every character of `characters` with `font` and packs them in shelves.
    public init(font: TrueTypeFont) throws {
        var bitmaps: [(Character, GlyphBitmap, Int)] = []
        for character in Self.characters {
            let text = String(character)
            bitmaps.append((character, try font.render(text), font.advance(of: character)))
        }
        let rowHeight = max(font.lineSkip, bitmaps.map(\.1.height).max() ?? 1)
        // Wide enough for ~16 glyphs a row; a power of two keeps drivers happy.
        let widest = bitmaps.map(\.1.width).max() ?? 1
        var atlasWidth = 64
        while atlasWidth < (widest + 1) * 16 { atlasWidth *= 2 }
        let solidSize = 3
        var placed: [(Character, GlyphBitmap, Glyph)] = []
        var penX = solidSize + 1
        var penY = 0
        for (character, bitmap, advance) in bitmaps {
            if penX + bitmap.width > atlasWidth {
                penX = 0
                penY += rowHeight + 1
            }
            placed.append((character, bitmap, Glyph(x: penX, y: penY, width: bitmap.width, height: bitmap.height, advance: advance)))
            penX += bitmap.width + 1
        }
        let atlasHeight = penY + rowHeight
        var coverage = [UInt8](repeating: 0, count: atlasWidth * atlasHeight)
        for y in 0..<solidSize { for x in 0..<solidSize { coverage[y * atlasWidth + x] = 255 } }
        var glyphs: [Character: Glyph] = [:]
        for (character, bitmap, glyph) in placed {
            for row in 0..<bitmap.height {
                let source = row * bitmap.width
                let destination = (glyph.y + row) * atlasWidth + glyph.x
                for column in 0..<bitmap.width { coverage[destination + column] = bitmap.coverage[source + column] }
            }
            glyphs[character] = glyph
        }
        self.width = atlasWidth
        self.height = atlasHeight
        self.coverage = coverage
        self.glyphs = glyphs
        self.lineHeight = font.lineSkip
        self.solid = Glyph(x: 0, y: 0, width: solidSize, height: solidSize, advance: 0)
    }

    /// The glyph drawn for `character` ("?" when the atlas lacks it).
    public func glyph(_ character: Character) -> Glyph {
        glyphs[character] ?? glyphs["?"] ?? solid
    }

    /// The width of `text` in pixels.
    public func width(of text: String) -> Int {
        text.reduce(0) { $0 + glyph($1).advance }
    }

    /// The advance of a typical character ("0"), the unit the layout measures columns in.
    public var cellWidth: Int { max(1, glyph("0").advance) }
}
