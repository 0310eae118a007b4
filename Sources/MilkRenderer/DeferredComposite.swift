import GraphicsCore

/// A MilkDrop 1 composite a layer left undrawn (`MilkLayer.defersComposite`), for a caller that reads the picture
/// anyway to apply where it reads it, saving a full-size pass: the show's compositor does so in its scene pass.
///
/// The picture it stands for is, at each texel, `min(canvas · weight, 1)` stored in 8 bits, with the weight
/// interpolated between the corners over the two triangles of MilkDrop's composite quad, which meet along the
/// top-right–bottom-left diagonal. Only composites of that form are deferred (no video echo, no filter).
public struct DeferredComposite {
    /// The frame's canvas (the feedback buffer it drew), the picture's size; valid until the layer's next frame.
    public let canvas: Texture2D
    /// The summed 8-bit colours of MilkDrop's gamma redraws (hue shading included) at the top-left, top-right,
    /// bottom-left and bottom-right corners.
    public let cornerWeights: [SIMD3<Float>]
}
