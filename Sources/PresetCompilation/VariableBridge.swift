import MilkExpression

/// Copies a fixed set of variables from one space to another through pre-resolved slots — how MilkDrop hands
/// q1…q32 from per_frame to per_pixel, waves and shapes, and t1…t8 from a wave's per_frame to its per_point.
public struct VariableBridge: Sendable {
    public let source: CodeSpace
    public let destination: CodeSpace
    private let pairs: [(from: Slot, to: Slot)]

    /// `q1`…`q32`.
    public static let qNames = (1...32).map { "q\($0)" }
    /// `t1`…`t8`.
    public static let tNames = (1...8).map { "t\($0)" }

    /// Resolves the names in both spaces once (creating them where missing).
    public init(_ names: [String], from source: CodeSpace, to destination: CodeSpace, in programs: inout PresetPrograms) {
        self.source = source
        self.destination = destination
        var pairs: [(Slot, Slot)] = []
        for name in names { pairs.append((programs.slot(name, in: source), programs.slot(name, in: destination))) }
        self.pairs = pairs
    }

    /// Copies the current values.
    public func apply(_ programs: inout PresetPrograms) {
        guard let from = programs.contexts[source] else { return }
        for (a, b) in pairs { programs.contexts[destination]?[b] = from[a] }
    }
}
