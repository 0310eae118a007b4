import HUD
import Testing

struct TrueTypeFontTests {
    @Test func rendersTextWithInkInside() throws {
        let font = try TrueTypeFont(pointSize: 16)
        let bitmap = try font.render("fps 60")
        #expect(bitmap.width > 30 && bitmap.height >= 14)
        #expect(bitmap.coverage.count == bitmap.width * bitmap.height)
        let inked = bitmap.coverage.filter { $0 > 128 }.count
        #expect(inked > 20)
        #expect(inked < bitmap.coverage.count / 2)
    }

    @Test func longerTextIsWider() throws {
        let font = try TrueTypeFont(pointSize: 12)
        #expect(try font.render("bass mid treb").width > font.render("bass").width)
    }

    @Test func missingFontFileIsAClearError() {
        #expect(throws: HUDError.self) { try TrueTypeFont(path: "/nonexistent/font.ttf", pointSize: 12) }
    }
}
