/// Per-vertex values for a batch run: one column of `count` doubles per bound slot.
///
/// Running a block over a batch means, for each vertex k in order: set every bound slot to `columns[s][k]`, run
/// the block, and read every bound slot back into `columns[s][k]`. Unbound variables keep flowing from one vertex
/// to the next, as in MilkDrop.
public struct VertexBatch: Sendable {
    public let count: Int
    public let slots: [Slot]
    public var columns: [[Double]]

    /// A batch of `count` vertices whose bound slots all start at 0.
    public init(count: Int, slots: [Slot]) {
        self.count = count
        self.slots = slots
        self.columns = Array(repeating: Array(repeating: 0, count: count), count: slots.count)
    }

    /// The column of a bound slot.
    public subscript(slot: Slot) -> [Double] {
        get { slots.firstIndex(of: slot).map { columns[$0] } ?? [] }
        set { if let i = slots.firstIndex(of: slot) { columns[i] = newValue } }
    }
}
