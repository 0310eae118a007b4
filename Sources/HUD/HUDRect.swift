/// A rectangle in pixels, origin at the top-left of the frame, y down.
public struct HUDRect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// Whether the two share at least one pixel.
    public func intersects(_ other: HUDRect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether the pixel whose top-left corner is (px, py) lies inside.
    public func contains(_ px: Int, _ py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}

/// A textured, tinted rectangle: the one primitive the overlay draws (solid fills sample the atlas's
/// fully covered cell, so everything goes out in one draw call).
public struct HUDQuad: Sendable, Equatable {
    public var x: Float
    public var y: Float
    public var width: Float
    public var height: Float
    /// Texture coordinates in the atlas, 0…1.
    public var u0: Float, v0: Float, u1: Float, v1: Float
    public var color: HUDColor
}
