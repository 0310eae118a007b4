import GraphicsCore

/// What can go wrong in the compositor.
public enum CouplingError: Error, CustomStringConvertible, Equatable {
    /// A GL object could not be made or a GL call failed.
    case graphics(GraphicsCoreError)
    /// The output size is not usable.
    case badSize(width: Int, height: Int)

    public var description: String {
        switch self {
        case let .graphics(error): return "coupling compositor: \(error)"
        case let .badSize(width, height): return "coupling compositor: bad output size \(width)x\(height)"
        }
    }
}

func wrapGraphics<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as GraphicsCoreError { throw CouplingError.graphics(error) }
}
