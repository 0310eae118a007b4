/// A colour with straight (not premultiplied) alpha, each channel 0…1.
public struct HUDColor: Sendable, Equatable, Hashable {
    public var red: Float
    public var green: Float
    public var blue: Float
    public var alpha: Float

    public init(_ red: Float, _ green: Float, _ blue: Float, _ alpha: Float = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    public static let text = HUDColor(0.92, 0.92, 0.92)
    public static let dim = HUDColor(0.6, 0.6, 0.6)
    public static let title = HUDColor(1.0, 0.85, 0.35)
    public static let warning = HUDColor(1.0, 0.35, 0.3)
    public static let good = HUDColor(0.35, 0.9, 0.45)
    public static let meter = HUDColor(0.3, 0.75, 1.0)
    /// The translucent backdrop behind every panel.
    public static let backdrop = HUDColor(0, 0, 0, 0.6)
    /// The unfilled part of a meter and the graph's background.
    public static let track = HUDColor(1, 1, 1, 0.15)
}

/// One row of a panel: what the HUD can show.
public enum HUDBlock: Sendable, Equatable {
    /// A line of text.
    case text(String, color: HUDColor = .text)
    /// A horizontal meter: a label, a bar filled to `fraction` (clamped to 0…1) and the value as text.
    case meter(label: String, fraction: Double, value: String, color: HUDColor = .meter)
    /// A bar graph of `values` (newest last) scaled so `scale` fills its height, with a reference line at
    /// `reference` (e.g. the frame budget); bars above the reference are drawn in the warning colour.
    case graph(values: [Double], scale: Double, reference: Double?, heightInLines: Int = 3)
    /// Rows of cells in aligned columns; the first row is drawn as a header when `header` is true.
    case table(rows: [[String]], header: Bool = true)
}

/// Where a panel sits in the frame.
public enum HUDAnchor: Sendable, Equatable {
    case topLeft, topRight, bottomLeft, bottomRight, center
}

/// A group of blocks drawn on one backdrop, stacked top to bottom.
public struct HUDPanel: Sendable, Equatable {
    public var anchor: HUDAnchor
    public var blocks: [HUDBlock]

    public init(anchor: HUDAnchor, blocks: [HUDBlock]) {
        self.anchor = anchor
        self.blocks = blocks
    }
}

/// Everything the HUD shows in one frame: a value, built by the show and drawn by `HUDOverlay`.
public struct HUDModel: Sendable, Equatable {
    public var panels: [HUDPanel]

    public init(panels: [HUDPanel] = []) { self.panels = panels }

    /// Nothing to draw.
    public var isEmpty: Bool { panels.allSatisfy { $0.blocks.isEmpty } }
}
