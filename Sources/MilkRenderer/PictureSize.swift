/// The size a layer draws its composite at.
///
/// `.half` is for a picture that is only ever shown shrunk (the coupling compositor's out-of-focus plane, whose
/// blur starts by shrinking it to a quarter): drawn at half size each way, bilinear reads at the half-size pixel
/// centres land on the corners of the feedback buffer's texels, so each pixel is the exact 2×2 average the shrink
/// would have taken, for a quarter of the composite's cost.
public enum PictureSize: Sendable, Equatable {
    case full
    case half
}
