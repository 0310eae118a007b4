/// What every piece of code in a session shares: the registers `reg00`…`reg99` and `gmegabuf`.
///
/// This is a class on purpose: MilkDrop shares these across all code blocks and even across presets, so every
/// `ExpressionContext` of a session holds a reference to the same instance, injected by the caller.
public final class SharedMemory: @unchecked Sendable {
    /// `reg00`…`reg99`.
    public var registers: [Double] = Array(repeating: 0, count: 100)
    /// `gmegabuf` / `gmem[]`.
    public var gmegabuf = MemoryBuffer()

    public init() {}
}
