/// SplitMix64: a small seedable generator, so whatever is "random" outside preset code (test signals, preset
/// samples, per-layer phases) is identical run to run. Preset code's `rand()` uses MilkExpression's own
/// MilkDrop-compatible generator instead.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in −1…1.
    public mutating func bipolar() -> Float {
        Float(Double(next() >> 11) * (2.0 / Double(1 << 53)) - 1)
    }

    /// Uniform in 0..<1 with 24 bits, as a GL-bound `Float`.
    public mutating func unitFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
