import MilkPreset

/// A variable space: the blocks MilkDrop compiles into one evaluator instance, sharing variables and `megabuf`.
public enum CodeSpace: Sendable, Hashable {
    /// per_frame_init and per_frame.
    case frame
    /// per_pixel (gets q1…q32 copied in from the frame space each frame).
    case pixel
    /// A custom wave's init and per_frame code.
    case waveFrame(Int)
    /// A custom wave's per_point code.
    case wavePoint(Int)
    /// A custom shape's init and per_frame code.
    case shapeFrame(Int)
}

extension CodeBlockKind {
    /// The variable space MilkDrop runs this block in.
    public var space: CodeSpace {
        switch self {
        case .perFrameInit, .perFrame: return .frame
        case .perPixel: return .pixel
        case .waveInit(let i), .wavePerFrame(let i): return .waveFrame(i)
        case .wavePerPoint(let i): return .wavePoint(i)
        case .shapeInit(let i), .shapePerFrame(let i): return .shapeFrame(i)
        }
    }
}
