import GraphicsCore

/// What can go wrong while building or drawing a layer.
public enum MilkRendererError: Error, CustomStringConvertible {
    /// A GL resource or call failed.
    case graphics(GraphicsCoreError)
    /// The requested picture or mesh size is unusable.
    case badSize(what: String, value: String)
    /// A file or folder could not be written.
    case io(path: String, message: String)
    /// A preset could not be prepared for loading (unreadable or unparsable file).
    case preparation(path: String, message: String)
    /// A command-line option has a value the renderer does not know.
    case badOption(name: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .graphics(error): return "renderer: \(error)"
        case let .badSize(what, value): return "renderer: bad \(what) \(value)"
        case let .io(path, message): return "\(path): \(message)"
        case let .preparation(path, message): return "\(path): cannot prepare preset: \(message)"
        case let .badOption(name, value, expected): return "renderer: --\(name) \(value): expected \(expected)"
        }
    }
}
