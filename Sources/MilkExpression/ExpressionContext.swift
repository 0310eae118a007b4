/// One variable space: the variables that a group of code blocks shares, its local `megabuf`, and a reference to
/// the session's shared registers, `gmegabuf` and random generator.
///
/// MilkDrop gives each of these groups its own space: per_frame_init + per_frame; per_pixel; each wave's
/// init + per_frame; each wave's per_point; each shape's init + per_frame. Code compiled against a context refers
/// to its variables by slot, so run it only with that context (or a copy of it).
public struct ExpressionContext: Sendable {
    /// Variable values by slot index.
    var values: [Double] = []
    private var slotsByName: [String: Int] = [:]
    private var names: [String] = []
    /// This space's `megabuf`.
    public var megabuf = MemoryBuffer()
    /// Registers and `gmegabuf`, shared by every context of the session.
    public let shared: SharedMemory
    /// Most loop iterations (`loop` and `while` bodies, all nesting levels together) one run of a block may take.
    ///
    /// MilkDrop caps each loop at 1,048,576 iterations, but nested loops multiply; this total cap (a deliberate
    /// addition, 16,777,216 by default) keeps hostile presets from hanging the renderer. Both evaluators honour it
    /// identically.
    public var loopIterationLimit = 1 << 24
    /// Iterations left in the current run.
    var loopBudget = 0

    /// A new, empty space in the session `shared` (registers, `gmegabuf` and `rand()` are the session's).
    public init(shared: SharedMemory) {
        self.shared = shared
    }

    /// A new, empty space in a session of its own whose `rand()` is seeded with `seed`.
    public init(seed: UInt32 = MersenneTwister.milkDropSeed) {
        self.init(shared: SharedMemory(seed: seed))
    }

    /// The slot of a variable (case-insensitive), creating it (value 0) if it does not exist yet.
    public mutating func slot(_ name: String) -> Slot {
        let lower = name.lowercased()
        if let r = Slot.registerNumber(lower) { return Slot(register: r) }
        if let index = slotsByName[lower] { return Slot(variable: index) }
        slotsByName[lower] = values.count
        names.append(lower)
        values.append(0)
        return Slot(variable: values.count - 1)
    }

    /// The value behind a slot.
    public subscript(slot: Slot) -> Double {
        get {
            if slot.isRegister { return shared.registers[slot.registerIndex] }
            return slot.variableIndex < values.count ? values[slot.variableIndex] : 0
        }
        set {
            if slot.isRegister { shared.registers[slot.registerIndex] = newValue; return }
            if slot.variableIndex >= values.count {
                values.append(contentsOf: repeatElement(0, count: slot.variableIndex + 1 - values.count))
            }
            values[slot.variableIndex] = newValue
        }
    }

    /// The value of a variable by name (0 when it does not exist); for tools and tests, not hot loops.
    public subscript(name: String) -> Double {
        let lower = name.lowercased()
        if let r = Slot.registerNumber(lower) { return shared.registers[r] }
        guard let index = slotsByName[lower] else { return 0 }
        return values[index]
    }

    /// Every variable of this space with its value, in creation order.
    public var variables: [(name: String, value: Double)] {
        names.enumerated().map { ($0.element, values[$0.offset]) }
    }

    /// Makes sure slot indices up to `count` exist (code compiled against a copy may have added some).
    mutating func ensureCapacity(_ count: Int) {
        if values.count < count { values.append(contentsOf: repeatElement(0, count: count - values.count)) }
    }
}
