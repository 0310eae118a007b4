import CSDL2TTF

extension TrueTypeFont {
    /// How far `character` moves the pen, in pixels (the rendered width when the font has no metrics for it).
    public func advance(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        var minX: Int32 = 0, maxX: Int32 = 0, minY: Int32 = 0, maxY: Int32 = 0, advance: Int32 = 0
        if TTF_GlyphMetrics32(font, scalar.value, &minX, &maxX, &minY, &maxY, &advance) == 0 {
            return Int(advance)
        }
        return (try? render(String(character)).width) ?? 0
    }
}
