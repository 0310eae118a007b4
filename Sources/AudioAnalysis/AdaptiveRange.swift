import Foundation

/// Spreads the raw intensity over 0…1 by where it lies in the track's recent range (docs/audio.md, `intensity01`).
///
/// The raw blend of loudness, energy, accent and pulse sits near 0.3 for quiet music and 0.65–0.75 for loud
/// music, so on its own it never reaches either end; the picker needs calm passages near 0 and peaks near 1.
/// Two followers track the recent low and high of the raw value (starting at 0.3 and 0.7, typical quiet and loud
/// music; instantly outward, back toward the current value with a 20 s time constant); the output is `0.4 · min(1, raw / 0.75) + 0.6 · position`, where
/// `position` is the raw value's place between them — measured from their midpoint over a span of at least 0.25,
/// so steady music (no range to speak of) sits near the middle instead of having its flicker blown up to 0…1.
struct AdaptiveRange: Sendable {
    /// Time constant (s) with which the low and high followers return toward the current value.
    static let window = 20.0
    /// The span `position` is measured over is never narrower than this.
    static let minimumSpan = 0.25
    /// Raw intensity that counts as fully loud in the absolute part.
    static let loudRaw = 0.75

    /// Before the track has shown its range: the raw values of typical quiet (0.3) and loud (0.7) music.
    private var low = 0.3
    private var high = 0.7

    /// Feeds one frame's raw intensity and returns the spread value (not clamped).
    mutating func update(_ raw: Double, dt: Double) -> Double {
        let a = 1 - exp(-dt / Self.window)
        high = max(raw, high + (raw - high) * a)
        low = min(raw, low + (raw - low) * a)
        let span = max(high - low, Self.minimumSpan)
        let position = min(1, max(0, 0.5 + (raw - (high + low) / 2) / span))
        return 0.4 * min(1, raw / Self.loudRaw) + 0.6 * position
    }
}
