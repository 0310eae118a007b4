import GraphicsCore

/// The stages of one layer frame, in the order they run, as `aivj render --profile` reports them.
public enum LayerStage: String, Sendable, CaseIterable {
    /// The preset's code: per_frame, per_pixel, shapes and waves (CPU).
    case code
    /// The warp mesh's texture coordinates (CPU).
    case mesh
    case motionVectors = "motion_vectors"
    case warp
    case blur
    /// Shapes, custom waves, the main wave, darken centre and borders.
    case drawables
    case composite
}

extension StageProfile {
    /// Charges the time since the last mark to a layer stage.
    public mutating func end(_ stage: LayerStage) { mark(stage.rawValue) }

    /// One JSON line: milliseconds per frame of every layer stage (0 for one that never ran), and their sum.
    public var layerJSONLine: String {
        let scale = frames > 0 ? 1000 / Double(frames) : 0
        let perFrame = { (value: Double) in String(format: "%.3f", value * scale) }
        let stages = LayerStage.allCases.map { "\"\($0.rawValue)_ms\":\(perFrame(seconds[$0.rawValue] ?? 0))" }
        let total = perFrame(seconds.values.reduce(0, +))
        return "{\"profile_frames\":\(frames)," + stages.joined(separator: ",") + ",\"total_ms\":\(total)}"
    }
}
