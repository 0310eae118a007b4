/// The 64-bit FNV-1a hash (Fowler–Noll–Vo, variant 1a): a fast, non-cryptographic content hash used for library ids.
///
/// Offset basis 0xcbf29ce484222325, prime 0x100000001b3: for each byte, `hash = (hash ^ byte) &* prime`.
/// Good enough to tell presets apart; not meant to resist anyone crafting collisions.
public struct FNV1a64: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func update<S: Sequence<UInt8>>(_ bytes: S) {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        value = hash
    }

    /// The hash of `bytes`.
    public static func hash<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
        var hasher = FNV1a64()
        hasher.update(bytes)
        return hasher.value
    }

    /// The hash of `bytes` as 16 lower-case hex digits.
    public static func hex<S: Sequence<UInt8>>(of bytes: S) -> String {
        var hasher = FNV1a64()
        hasher.update(bytes)
        return hasher.hex
    }

    /// `value` as 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
