/// MilkDrop's `rand()` generator (MT19937), seeded by the caller instead of a process-wide static.
public struct MersenneTwister: Sendable, Hashable {
    /// The seed MilkDrop and projectm-eval use when none is given.
    public static let milkDropSeed: UInt32 = 0x4141_f00d

    private let seed: UInt32
    private var state: [UInt32] = []  // filled on first use, so unused generators cost nothing
    private var index = 624

    public init(seed: UInt32 = MersenneTwister.milkDropSeed) { self.seed = seed }

    private mutating func seedState() {
        var mt = [UInt32](repeating: 0, count: 624)
        mt[0] = seed
        for i in 1..<624 {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        state = mt
    }

    /// The next 32-bit output.
    public mutating func next() -> UInt32 {
        if state.isEmpty { seedState() }
        if index >= 624 { regenerate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// `rand(x)`: a double in [0, max(floor(x), 1)], as MilkDrop computes it.
    public mutating func rand(_ x: Double) -> Double {
        var limit = x.rounded(.down)
        if limit < 1 { limit = 1 }
        return Double(next()) * (1.0 / Double(UInt32.max)) * limit
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff, matrix: UInt32 = 0x9908_b0df
        state.withUnsafeMutableBufferPointer { mt in
            for k in 0..<624 {
                let y = (mt[k] & upper) | (mt[(k + 1) % 624] & lower)
                mt[k] = mt[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? matrix : 0)
            }
        }
        index = 0
    }
}
