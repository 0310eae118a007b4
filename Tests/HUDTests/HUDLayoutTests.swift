import HUD
import Testing

struct HUDLayoutTests {
    static let atlas: GlyphAtlas? = {
        guard let font = try? TrueTypeFont(pointSize: 12) else { return nil }
        return try? GlyphAtlas(font: font)
    }()

    @Test func atlasHoldsEveryCharacterOnceWithTheSolidCellCovered() throws {
        let atlas = try #require(Self.atlas)
        #expect(atlas.glyphs.count == GlyphAtlas.characters.count)
        #expect(atlas.coverage[0] == 255 && atlas.coverage[atlas.width + 1] == 255)
        // DejaVu Sans Mono: every ASCII glyph advances by the same width.
        #expect(atlas.glyph("i").advance == atlas.glyph("W").advance)
        #expect(atlas.glyph("\u{4E2D}") == atlas.glyph("?"))
        #expect(atlas.width(of: "abc") == 3 * atlas.cellWidth)
    }

    @Test func panelsAtOneAnchorStackWithoutOverlapping() throws {
        let atlas = try #require(Self.atlas)
        let model = HUDModel(panels: [
            HUDPanel(anchor: .topLeft, blocks: [.text("one"), .text("two")]),
            HUDPanel(anchor: .topLeft, blocks: [.text("three")]),
            HUDPanel(anchor: .topRight, blocks: [.text("right")]),
        ])
        let layout = HUDLayout(model: model, atlas: atlas, width: 640, height: 360)
        #expect(layout.panels.count == 3)
        #expect(layout.panels[1].y >= layout.panels[0].maxY)
        #expect(layout.panels[0].x == layout.panels[1].x)
        #expect(layout.panels[2].maxX < 640 && layout.panels[2].maxX > 600)
        #expect(layout.blocks[0][1].row.y == layout.blocks[0][0].row.maxY)
    }

    @Test func textLongerThanTheFrameIsCutAtThePanelEdge() throws {
        let atlas = try #require(Self.atlas)
        let model = HUDModel(panels: [HUDPanel(anchor: .topLeft, blocks: [.text(String(repeating: "W", count: 200))])])
        let layout = HUDLayout(model: model, atlas: atlas, width: 200, height: 100)
        let panel = try #require(layout.panels.first)
        #expect(panel.maxX <= 200)
        #expect(layout.quads.allSatisfy { $0.x + $0.width <= Float(panel.maxX) })
    }

    @Test func tableColumnsLineUp() throws {
        let atlas = try #require(Self.atlas)
        let model = HUDModel(panels: [HUDPanel(anchor: .topLeft, blocks: [
            .table(rows: [["id", "weight"], ["p1", "0.5"], ["long-pair", "0.25"]]),
        ])])
        let layout = HUDLayout(model: model, atlas: atlas, width: 640, height: 360)
        let row = try #require(layout.blocks.first?.first?.row)
        #expect(row.height == 3 * atlas.lineHeight)
        // The second column starts at the same x on every row: after "long-pair" plus two cells.
        let secondColumnX = Float(row.x + atlas.width(of: "long-pair") + 2 * atlas.cellWidth)
        let starts = Set(layout.quads.filter { $0.x >= secondColumnX - 0.5 && $0.x < secondColumnX + 0.5 }.map(\.y))
        #expect(starts.count == 3)
    }

    @Test func emptyModelDrawsNothing() throws {
        let atlas = try #require(Self.atlas)
        let layout = HUDLayout(model: HUDModel(panels: [HUDPanel(anchor: .center, blocks: [])]), atlas: atlas, width: 64, height: 64)
        #expect(layout.quads.isEmpty && layout.panels.isEmpty)
    }
}

extension HUDLayoutTests {
    @Test func cornerPanelsThatWouldMeetInASmallFrameAreMovedApart() throws {
        let atlas = try #require(Self.atlas)
        let wide = String(repeating: "x", count: 30)
        let model = HUDModel(panels: [
            HUDPanel(anchor: .topLeft, blocks: [.text(wide), .text(wide)]),
            HUDPanel(anchor: .topRight, blocks: [.text(wide)]),
            HUDPanel(anchor: .bottomLeft, blocks: [.text(wide)]),
            HUDPanel(anchor: .bottomRight, blocks: [.text(wide)]),
        ])
        let layout = HUDLayout(model: model, atlas: atlas, width: 320, height: 400)
        for (index, panel) in layout.panels.enumerated() {
            for other in layout.panels[(index + 1)...] { #expect(!panel.intersects(other)) }
        }
        #expect(layout.panels[1].y > layout.panels[0].maxY)
        #expect(layout.blocks[1][0].row.y == layout.panels[1].y + (layout.blocks[0][0].row.y - layout.panels[0].y))
    }
}
