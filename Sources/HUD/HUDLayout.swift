/// Where every panel, block and glyph of a `HUDModel` goes in a frame of a given size: a pure function of
/// the model, the atlas's metrics and the frame size, so tests can check placement without GL.
public struct HUDLayout: Sendable, Equatable {
    /// Where one block landed: its whole row, and the bar or graph area inside it (nil for text and tables).
    public struct BlockFrame: Sendable, Equatable {
        public var row: HUDRect
        public var content: HUDRect?
    }

    /// One backdrop per panel, in model order.
    public var panels: [HUDRect] = []
    /// Per panel, one frame per block.
    public var blocks: [[BlockFrame]] = []
    /// What to draw, back to front.
    public var quads: [HUDQuad] = []

    /// Lays `model` out over a `width`×`height` frame with `atlas`'s glyphs.
    public init(model: HUDModel, atlas: GlyphAtlas, width: Int, height: Int) {
        var builder = Builder(atlas: atlas, frameWidth: width, frameHeight: height)
        for panel in model.panels where !panel.blocks.isEmpty {
            builder.place(panel)
        }
        panels = builder.panels
        blocks = builder.blocks
        quads = builder.quads
    }
}

extension HUDLayout {
    /// The bar width of a meter, in character cells.
    static let meterCells = 16
    /// The width of a graph, in character cells.
    static let graphCells = 36

    /// Accumulates panels anchor by anchor; panels at the same anchor stack away from it.
    struct Builder {
        let atlas: GlyphAtlas
        let frameWidth: Int
        let frameHeight: Int
        var panels: [HUDRect] = []
        var blocks: [[BlockFrame]] = []
        var quads: [HUDQuad] = []
        private var stacked: [HUDAnchor: Int] = [:]

        init(atlas: GlyphAtlas, frameWidth: Int, frameHeight: Int) {
            self.atlas = atlas
            self.frameWidth = frameWidth
            self.frameHeight = frameHeight
        }

        var line: Int { atlas.lineHeight }
        var cell: Int { atlas.cellWidth }
        var padding: Int { max(2, line / 4) }
        var margin: Int { max(4, line / 2) }

        mutating func place(_ panel: HUDPanel) {
            let metrics = PanelMetrics(panel: panel, atlas: atlas)
            let maxContent = max(cell, frameWidth - 2 * margin - 2 * padding)
            let contentWidth = min(metrics.naturalWidth, maxContent)
            let contentHeight = panel.blocks.reduce(0) { $0 + rowHeight($1) }
            let outerWidth = contentWidth + 2 * padding
            let outerHeight = contentHeight + 2 * padding
            let offset = stacked[panel.anchor, default: 0]
            let x: Int
            let y: Int
            switch panel.anchor {
            case .topLeft: x = margin; y = margin + offset
            case .topRight: x = frameWidth - margin - outerWidth; y = margin + offset
            case .bottomLeft: x = margin; y = frameHeight - margin - outerHeight - offset
            case .bottomRight: x = frameWidth - margin - outerWidth; y = frameHeight - margin - outerHeight - offset
            case .center: x = (frameWidth - outerWidth) / 2; y = (frameHeight - outerHeight) / 2 + offset
            }
            var backdrop = HUDRect(x: x, y: y, width: outerWidth, height: outerHeight)
            // In a small frame corner panels may meet: move this one away from its edge, past the others.
            if panel.anchor != .center {
                let down = panel.anchor == .topLeft || panel.anchor == .topRight
                while let other = panels.first(where: { $0.intersects(backdrop) }) {
                    backdrop.y = down ? other.maxY + margin : other.y - margin - outerHeight
                }
                stacked[panel.anchor] = down ? backdrop.maxY : frameHeight - backdrop.y
            } else {
                stacked[panel.anchor] = offset + outerHeight + margin
            }
            panels.append(backdrop)
            solid(backdrop, .backdrop)
            var frames: [BlockFrame] = []
            var top = backdrop.y + padding
            let left = backdrop.x + padding
            for block in panel.blocks {
                let row = HUDRect(x: left, y: top, width: contentWidth, height: rowHeight(block))
                frames.append(draw(block, in: row, metrics: metrics))
                top += row.height
            }
            blocks.append(frames)
        }

        func rowHeight(_ block: HUDBlock) -> Int {
            switch block {
            case .text, .meter: return line
            case let .graph(_, _, _, lines): return max(1, lines) * line
            case let .table(rows, _): return rows.count * line
            }
        }

        mutating func draw(_ block: HUDBlock, in row: HUDRect, metrics: PanelMetrics) -> BlockFrame {
            switch block {
            case let .text(text, color):
                self.text(text, x: row.x, y: row.y, limit: row.maxX, color: color)
                return BlockFrame(row: row, content: nil)
            case let .meter(label, fraction, value, color):
                self.text(label, x: row.x, y: row.y, limit: row.maxX, color: .dim)
                let barX = row.x + metrics.meterLabelWidth + cell
                let barHeight = max(2, line * 3 / 5)
                let bar = HUDRect(x: barX, y: row.y + (line - barHeight) / 2,
                                  width: min(Self.barWidth(cell), max(0, row.maxX - barX)), height: barHeight)
                solid(bar, .track)
                let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
                let filled = Int((Double(bar.width) * clamped).rounded())
                if filled > 0 { solid(HUDRect(x: bar.x, y: bar.y, width: filled, height: bar.height), color) }
                self.text(value, x: bar.maxX + cell, y: row.y, limit: row.maxX, color: .text)
                return BlockFrame(row: row, content: bar)
            case let .graph(values, scale, reference, _):
                let area = HUDRect(x: row.x, y: row.y + 1, width: row.width, height: max(1, row.height - 2))
                graph(values, scale: scale, reference: reference, in: area)
                return BlockFrame(row: row, content: area)
            case let .table(rows, header):
                for (index, cells) in rows.enumerated() {
                    var x = row.x
                    for (column, text) in cells.enumerated() {
                        let color: HUDColor = header && index == 0 ? .title : (column == 0 ? .dim : .text)
                        self.text(text, x: x, y: row.y + index * line, limit: row.maxX, color: color)
                        x += (column < metrics.columnWidths.count ? metrics.columnWidths[column] : 0) + 2 * cell
                    }
                }
                return BlockFrame(row: row, content: nil)
            }
        }

        static func barWidth(_ cell: Int) -> Int { HUDLayout.meterCells * cell }

        mutating func graph(_ values: [Double], scale: Double, reference: Double?, in area: HUDRect) {
            solid(area, .track)
            let safeScale = scale.isFinite && scale > 0 ? scale : 1
            let barWidth = 2
            let shown = min(values.count, area.width / barWidth)
            let start = values.count - shown
            for index in 0..<shown {
                let value = values[start + index]
                guard value.isFinite, value > 0 else { continue }
                let barHeight = Int((min(1, value / safeScale) * Double(area.height)).rounded())
                guard barHeight > 0 else { continue }
                let x = area.maxX - (shown - index) * barWidth
                let over = reference.map { value > $0 } ?? false
                solid(HUDRect(x: x, y: area.maxY - barHeight, width: barWidth, height: barHeight), over ? .warning : .good)
            }
            if let reference, reference.isFinite, reference > 0, reference < safeScale {
                let y = area.maxY - Int((reference / safeScale * Double(area.height)).rounded())
                solid(HUDRect(x: area.x, y: y, width: area.width, height: 1), HUDColor(1, 0.85, 0.35, 0.8))
            }
        }

        mutating func text(_ text: String, x: Int, y: Int, limit: Int, color: HUDColor) {
            var pen = x
            let atlasWidth = Float(atlas.width)
            let atlasHeight = Float(atlas.height)
            for character in text {
                let glyph = atlas.glyph(character)
                guard pen + glyph.advance <= limit else { break }
                if character != " ", glyph.width > 0 {
                    quads.append(HUDQuad(
                        x: Float(pen), y: Float(y), width: Float(glyph.width), height: Float(glyph.height),
                        u0: Float(glyph.x) / atlasWidth, v0: Float(glyph.y) / atlasHeight,
                        u1: Float(glyph.x + glyph.width) / atlasWidth, v1: Float(glyph.y + glyph.height) / atlasHeight,
                        color: color))
                }
                pen += glyph.advance
            }
        }

        mutating func solid(_ rect: HUDRect, _ color: HUDColor) {
            guard rect.width > 0, rect.height > 0 else { return }
            let u = (Float(atlas.solid.x) + Float(atlas.solid.width) / 2) / Float(atlas.width)
            let v = (Float(atlas.solid.y) + Float(atlas.solid.height) / 2) / Float(atlas.height)
            quads.append(HUDQuad(x: Float(rect.x), y: Float(rect.y), width: Float(rect.width), height: Float(rect.height),
                                 u0: u, v0: v, u1: u, v1: v, color: color))
        }
    }

    /// Widths a panel's blocks need, measured once per panel so its meters and table columns line up.
    struct PanelMetrics {
        var meterLabelWidth = 0
        var meterValueWidth = 0
        var columnWidths: [Int] = []
        var naturalWidth = 0

        init(panel: HUDPanel, atlas: GlyphAtlas) {
            let cell = atlas.cellWidth
            for block in panel.blocks {
                if case let .meter(label, _, value, _) = block {
                    meterLabelWidth = max(meterLabelWidth, atlas.width(of: label))
                    meterValueWidth = max(meterValueWidth, atlas.width(of: value))
                }
                if case let .table(rows, _) = block {
                    for cells in rows {
                        for (column, text) in cells.enumerated() {
                            if column >= columnWidths.count { columnWidths.append(0) }
                            columnWidths[column] = max(columnWidths[column], atlas.width(of: text))
                        }
                    }
                }
            }
            for block in panel.blocks {
                let width: Int
                switch block {
                case let .text(text, _): width = atlas.width(of: text)
                case .meter: width = meterLabelWidth + cell + Builder.barWidth(cell) + cell + meterValueWidth
                case .graph: width = HUDLayout.graphCells * cell
                case .table: width = columnWidths.reduce(0, +) + max(0, columnWidths.count - 1) * 2 * cell
                }
                naturalWidth = max(naturalWidth, width)
            }
        }
    }
}
