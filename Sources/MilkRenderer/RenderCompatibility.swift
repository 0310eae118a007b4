/// Whose behaviour a render follows where MilkDrop 2 and projectM 3.1.12 differ.
///
/// The renderer follows MilkDrop. `.projectM3` exists to measure how close we are to the reference tool
/// (projectm-ref links projectM 3.1.12) once the known, deliberate differences are taken out: projectM's audio
/// levels and waveform normalisation (`ProjectMBeatDetect`), no gamma (it parses `fGammaAdj` and never applies
/// it), no wave smoothing (it never passes `fWaveSmoothing` to its PCM buffer), and its per-mode waveform gains.
public enum RenderCompatibility: String, Sendable, CaseIterable {
    case milkdrop
    case projectM3 = "projectm"

    /// Parses `milkdrop` or `projectm` (a command-line value).
    public init(parsing text: String) throws {
        guard let value = Self(rawValue: text.lowercased()) else {
            throw MilkRendererError.badOption(name: "compat", value: text, expected: "milkdrop or projectm")
        }
        self = value
    }

    /// projectM's waveform amplitude per mode relative to MilkDrop's (`MilkdropWaveform::WaveformMath` with its
    /// 0…1 coordinates doubled to clip space), for a waveform already normalised as projectM does.
    static let projectMWaveGain: [Float] = [0.24, 0.12, 1, 1, 0.8, 1, 0.32, 0.32, 1]

    /// Takes the frame's values as this renderer would draw them.
    /// `aspect` is the picture's height / width (projectM 3.1.12 squeezes the round wave modes by it).
    public func adjust(_ parameters: inout LayerParameters, aspect: Float) {
        guard self == .projectM3 else { return }
        parameters.waveAspectX = aspect
        parameters.gamma = 1
        parameters.waveSmoothing = 0
        let mode = ((parameters.waveMode % 9) + 9) % 9
        parameters.waveScale *= Self.projectMWaveGain[mode]
    }
}

/// A driver whose frames follow `compatibility` (the preset's code still sees the values it set).
public struct CompatibleDriver: LayerDriver {
    public var base: any LayerDriver
    public let compatibility: RenderCompatibility
    /// The picture's height / width.
    public let aspect: Float

    public init(_ base: any LayerDriver, compatibility: RenderCompatibility, width: Int, height: Int) {
        self.base = base
        self.compatibility = compatibility
        aspect = width > 0 ? Float(height) / Float(width) : 1
    }

    public var diagnostics: [String] { base.diagnostics }

    public mutating func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> (LayerParameters, WarpField?) {
        var (parameters, field) = base.frame(inputs, mesh: mesh)
        compatibility.adjust(&parameters, aspect: aspect)
        return (parameters, field)
    }
}
