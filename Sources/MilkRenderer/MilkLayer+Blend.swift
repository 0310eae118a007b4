extension MilkLayer {
    /// Renders one frame of a transition between two presets (`PresetTransition.frame`) into this layer.
    public func render(_ frame: BlendedFrame, inputs: LayerFrameInputs) throws {
        try render(frame.parameters, inputs: inputs, textureCoordinates: frame.textureCoordinates)
    }
}
