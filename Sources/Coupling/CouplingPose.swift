import Foundation

/// The scene of one frame, derived from the parameters and the motion alone (pure, so it is testable and
/// reproducible): where the camera is, how deep each plane sits, where focus is and how blurred each plane is.
///
/// The scene, in camera units: the camera looks down −z with a vertical field of view of 60°; the FG plane
/// sits at distance 1 and the BG plane at `1 + 1.5·strength`, each sized to fill the view exactly from the
/// rest position (times `planeScale`, a slight crop that keeps the BG's edges out of sight while the camera
/// moves). With strength 0 and the camera at rest both planes cover the screen pixel for pixel: the flat mix.
public struct CouplingPose: Sendable, Equatable {
    /// True when the picture is the flat 2D mix (mode off, or strength 0).
    public var flat: Bool
    /// Camera position; x, y sway on a slow orbit, z < 0 is the push towards the planes on a beat.
    public var camera: SIMD3<Double>
    public var fgDepth: Double
    public var bgDepth: Double
    /// Each plane's half size over the size that fills the view at rest (≥ 1: a crop).
    public var planeScale: Double
    /// Focus between the planes: 0 = FG, 1 = BG.
    public var focus01: Double
    /// Blur radius of each plane in output pixels (0 = sharp).
    public var fgBlurPixels: Double
    public var bgBlurPixels: Double

    /// Tangent of half the vertical field of view (60°).
    public static let tanHalfFOV = tan(Double.pi / 6)
    /// Depth gap between the planes at strength 1.
    public static let depthGap = 1.5
    /// Period of the camera's orbit, seconds.
    public static let orbitPeriod = 12.0
    /// Orbit radius and beat push at strength 1 and parallax 1, in camera units (the FG is at distance 1).
    public static let orbitRadius = 0.06
    public static let beatPush = 0.12
    /// Largest blur radius (dof 1, strength 1, one plane fully out of focus) at 720 lines; scales with height.
    public static let maxBlurPixels = 12.0

    /// Where the ray through the point `ndc` (−1…1 each way) of an output with `aspect` (width / height) meets
    /// the plane at `depth`, in that plane's 0…1 coordinates, as (offset, scale) with uv = offset + scale·ndc: the
    /// planes face the camera, which only moves, so the map is affine (no perspective divide per pixel).
    public func planeMap(depth: Double, aspect: Double) -> SIMD4<Double> {
        let tanHalf = SIMD2(Self.tanHalfFOV * aspect, Self.tanHalfFOV)
        let scale = 0.5 * (depth + camera.z) / (depth * planeScale)
        let offset = 0.5 + 0.5 * SIMD2(camera.x, camera.y) / (depth * tanHalf * planeScale)
        return SIMD4(offset.x, offset.y, scale, scale)
    }

    /// The pose for `parameters` and `motion` on an output `height` pixels tall.
    public init(parameters raw: CouplingParameters, motion: CouplingMotion, height: Int) {
        let p = raw.clamped
        let s = p.mode == .off ? 0 : p.strength
        flat = s == 0
        fgDepth = 1
        bgDepth = 1 + Self.depthGap * s
        let angle = 2 * Double.pi * motion.time / Self.orbitPeriod
        let radius = Self.orbitRadius * p.parallax * s
        let pulse = motion.beatPulse01.isFinite ? min(max(motion.beatPulse01, 0), 1) : 0
        // An ellipse whose vertical part runs at another rate, so the sway never looks like a plain circle.
        camera = SIMD3(radius * sin(angle), 0.5 * radius * sin(0.7 * angle + 1), -Self.beatPush * p.parallax * s * pulse)
        planeScale = 1 + 0.1 * p.parallax * s
        let intensity = motion.intensity01.isFinite ? min(max(motion.intensity01, 0), 1) : 0.5
        // Squared, so music keeps the FG sharp (intensity 0.7 and up: a blur under a quarter pixel at the
        // defaults) and only calm passages drift the focus towards the BG.
        focus01 = p.focusFollowsMusic ? 0.6 * (1 - intensity) * (1 - intensity) : p.focus
        let maxBlur = Self.maxBlurPixels * Double(max(height, 1)) / 720 * p.dof * s
        fgBlurPixels = maxBlur * abs(0 - focus01)
        bgBlurPixels = maxBlur * abs(1 - focus01)
    }
}
