/// What every piece of code in a session shares: the registers `reg00`…`reg99`, `gmegabuf` and the `rand()`
/// generator.
///
/// This is a class on purpose: MilkDrop shares these across all code blocks and even across presets, so every
/// `ExpressionContext` of a session holds a reference to the same instance, injected by the caller. MilkDrop's
/// (and projectm-eval's) `rand()` draws from one process-wide MT19937, so the four shapes' `rand()` in their
/// init code get four different numbers; here that generator lives in the session instead of a static.
public final class SharedMemory: @unchecked Sendable {
    /// `reg00`…`reg99`.
    public var registers: [Double] = Array(repeating: 0, count: 100)
    /// `gmegabuf` / `gmem[]`.
    public var gmegabuf = MemoryBuffer()
    /// The generator behind `rand()` in every space of the session.
    public var random: MersenneTwister

    /// A new session; `seed` fixes `rand()`.
    public init(seed: UInt32 = MersenneTwister.milkDropSeed) {
        random = MersenneTwister(seed: seed)
    }
}
