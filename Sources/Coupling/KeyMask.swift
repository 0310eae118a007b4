/// The luminance key that lays the FG over the BG, the one formula the shader and the docs share.
///
/// `alpha = smoothstep(keyLow, keyHigh, luma(fg))` with Rec. 601 luma (0.299 R + 0.587 G + 0.114 B), so the
/// FG's dark parts let the BG through and its bright parts cover it, with a soft edge between. The picture is
/// `mix(bg, fg, alpha)`; in 3D, alpha is also 0 outside the FG plane, so the BG shows around it.
public enum KeyMask {
    /// Rec. 601 luma of an RGB colour in 0…1.
    public static func luma(red: Double, green: Double, blue: Double) -> Double {
        0.299 * red + 0.587 * green + 0.114 * blue
    }

    /// Hermite smoothstep between `low` and `high`, as GLSL's `smoothstep`.
    public static func alpha(luma: Double, low: Double, high: Double) -> Double {
        let t = min(max((luma - low) / (high - low), 0), 1)
        return t * t * (3 - 2 * t)
    }

    /// The flat 2D mix of one pixel (components 0…1): FG keyed over BG.
    public static func mix(background: SIMD3<Double>, foreground: SIMD3<Double>, low: Double, high: Double) -> SIMD3<Double> {
        let a = alpha(luma: luma(red: foreground.x, green: foreground.y, blue: foreground.z), low: low, high: high)
        return background + (foreground - background) * a
    }
}
