/// Produces a layer's values for each frame: a preset with its compiled code, or fixed values in tests.
public protocol LayerDriver {
    /// Runs whatever code the preset has for this frame and returns what to draw it with.
    mutating func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> (LayerParameters, WarpField?)
    /// Problems found while preparing (statements the compiler dropped), one line each, for logs.
    var diagnostics: [String] { get }
}

extension LayerDriver {
    public var diagnostics: [String] { [] }
}

/// A driver that draws every frame with the same values.
public struct StaticDriver: LayerDriver {
    public var parameters: LayerParameters

    public init(_ parameters: LayerParameters) { self.parameters = parameters }

    public func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> (LayerParameters, WarpField?) { (parameters, nil) }
}

/// Gives the audio of each frame.
public protocol FrameAudioSource {
    /// The inputs of frame `frame` at `fps`, with `time = frame / fps` exactly.
    mutating func inputs(frame: Int, fps: Double) throws -> LayerFrameInputs
}

/// No sound at all.
public struct SilentAudio: FrameAudioSource {
    public init() {}
    public func inputs(frame: Int, fps: Double) -> LayerFrameInputs { LayerFrameInputs(frame: frame, fps: fps) }
}
