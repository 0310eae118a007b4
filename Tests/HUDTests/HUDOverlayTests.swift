import CGL
import GraphicsCore
import HUD
import Testing

/// GL contexts are process-wide driver state, so these run one at a time.
@Suite(.serialized)
struct HUDOverlayTests {
    static let width = 320
    static let height = 200
    static let background: [UInt8] = [51, 102, 153]

    /// Draws `model` over a frame cleared to `background` and returns the pixels (top row first) and layout.
    static func draw(_ model: HUDModel, pointSize: Int32 = 12) throws -> (rgb: [UInt8], layout: HUDLayout) {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let overlay = HUDOverlay()
        let framebuffer = try Framebuffer(width: width, height: height)
        framebuffer.clear(red: 0.2, green: 0.4, blue: 0.6)
        let layout = try overlay.draw(model, width: width, height: height, pointSize: pointSize)
        return (try framebuffer.readRGB(), layout)
    }

    static func pixel(_ rgb: [UInt8], _ x: Int, _ y: Int) -> [UInt8] {
        let index = (y * width + x) * 3
        return Array(rgb[index..<index + 3])
    }

    @Test func textAppearsInsideItsRowAndNothingOutsideThePanelChanges() throws {
        let model = HUDModel(panels: [HUDPanel(anchor: .topLeft, blocks: [.text("AIVJ 60.0 fps")])])
        let (rgb, layout) = try Self.draw(model)
        let panel = try #require(layout.panels.first)
        let row = try #require(layout.blocks.first?.first?.row)
        var bright = 0
        var untouchedOutside = true
        for y in 0..<Self.height {
            for x in 0..<Self.width {
                let p = Self.pixel(rgb, x, y)
                if panel.contains(x, y) {
                    if row.contains(x, y), p.allSatisfy({ $0 > 180 }) { bright += 1 }
                } else if p != Self.background {
                    untouchedOutside = false
                }
            }
        }
        #expect(bright > 30)
        #expect(untouchedOutside)
        // The backdrop darkens the frame where no glyph is (its bottom-right padding corner).
        let corner = Self.pixel(rgb, panel.maxX - 1, panel.maxY - 1)
        #expect(corner[2] < Self.background[2] && corner[2] > 30)
    }

    @Test func graphBarsRiseFromTheBottomOfTheGraphAreaAtTheRight() throws {
        let values = [Double](repeating: 8, count: 20)
        let model = HUDModel(panels: [HUDPanel(anchor: .topLeft, blocks: [.graph(values: values, scale: 16, reference: nil)])])
        let (rgb, layout) = try Self.draw(model)
        let area = try #require(layout.blocks.first?.first?.content)
        func isGreen(_ p: [UInt8]) -> Bool { Int(p[1]) > Int(p[0]) + 60 && Int(p[1]) > Int(p[2]) + 40 }
        // Newest bar at the right edge, half the area's height.
        #expect(isGreen(Self.pixel(rgb, area.maxX - 1, area.maxY - 2)))
        #expect(isGreen(Self.pixel(rgb, area.maxX - 1, area.maxY - area.height / 2 + 2)))
        #expect(!isGreen(Self.pixel(rgb, area.maxX - 1, area.y + 2)))
        // Twenty bars of 2 pixels: the left of the area stays empty.
        #expect(!isGreen(Self.pixel(rgb, area.x + 2, area.maxY - 2)))
        #expect(isGreen(Self.pixel(rgb, area.maxX - 39, area.maxY - 2)))
        #expect(!isGreen(Self.pixel(rgb, area.maxX - 42, area.maxY - 2)))
    }

    @Test func graphBarsAboveTheReferenceUseTheWarningColour() throws {
        let model = HUDModel(panels: [HUDPanel(anchor: .topLeft, blocks: [
            .graph(values: [10, 30], scale: 40, reference: 20),
        ])])
        let (rgb, layout) = try Self.draw(model)
        let area = try #require(layout.blocks.first?.first?.content)
        let newest = Self.pixel(rgb, area.maxX - 1, area.maxY - 2)
        let older = Self.pixel(rgb, area.maxX - 3, area.maxY - 2)
        #expect(Int(newest[0]) > Int(newest[1]) + 60)  // over budget: red
        #expect(Int(older[1]) > Int(older[0]) + 60)  // within budget: green
    }

    @Test func meterFillsItsBarToTheFraction() throws {
        let model = HUDModel(panels: [HUDPanel(anchor: .bottomRight, blocks: [
            .meter(label: "bass", fraction: 0.25, value: "0.25"),
        ])])
        let (rgb, layout) = try Self.draw(model)
        let bar = try #require(layout.blocks.first?.first?.content)
        let panel = try #require(layout.panels.first)
        #expect(panel.maxX <= Self.width && panel.maxY <= Self.height && panel.x > Self.width / 3)
        let y = bar.y + bar.height / 2
        let filled = Self.pixel(rgb, bar.x + bar.width / 10, y)
        let empty = Self.pixel(rgb, bar.x + bar.width * 3 / 4, y)
        #expect(Int(filled[2]) > 200 && Int(filled[0]) < 120)
        #expect(Int(empty[2]) < 160)
    }

    @Test func atlasIsBuiltOncePerSizeAndBlendingIsRestored() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let overlay = HUDOverlay()
        let framebuffer = try Framebuffer(width: 64, height: 64)
        framebuffer.bind()
        let model = HUDModel(panels: [HUDPanel(anchor: .topLeft, blocks: [.text("x")])])
        for _ in 0..<3 { try overlay.draw(model, width: 64, height: 64, pointSize: 11) }
        #expect(overlay.atlasCount == 1)
        try overlay.draw(model, width: 64, height: 64, pointSize: 14)
        #expect(overlay.atlasCount == 2)
        #expect(glIsEnabled(GLenum(GL_BLEND)) == GLboolean(GL_FALSE))
    }
}
