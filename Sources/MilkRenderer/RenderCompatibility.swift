/// Whose behaviour a render follows where MilkDrop 2 and projectM 3.1.12 differ.
///
/// The renderer follows MilkDrop. `.projectM3` exists to measure how close we are to the reference tool
/// (projectm-ref links projectM 3.1.12) once the known, deliberate differences are taken out: projectM's audio
/// levels and sound data (`ProjectMBeatDetect`, `ProjectMAudio`), its clock, no gamma (it parses `fGammaAdj` and
/// never applies it), its main and custom waveforms, its motion vectors (dots drawn after the warp), its doubled
/// inner border and its smaller feedback texture (`feedbackSize`).
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

    /// projectM 3.1.12's clock for render frame `frame` (as projectm-ref drives it): `frame` counts from 2 (its
    /// TimeKeeper starts a preset at 1 and steps before the first frame) and `time` is truncated to whole
    /// milliseconds.
    public static func projectMClock(frame: Int, fps: Double) -> (frame: Int, time: Double) {
        (frame + 2, (Double(frame) * 1000 / fps).rounded(.down) / 1000)
    }

    /// How long a preset shows when nothing switches it, for `progress` (= time / this, unclamped).
    ///
    /// projectM 3.1.12 draws each preset's duration from a Gaussian around the configured one and clamps it to
    /// 1…60 s (`TimeKeeper::sampledPresetDuration`), so a locked preset (projectm-ref) has 60 s. MilkDrop shows a
    /// preset `fTimeBetweenPresets` (16 s) plus `fBlendTimeAuto` (2.7 s) plus a random extra of up to
    /// `fTimeBetweenPresetsRand` (10 s); a deterministic render leaves the random extra out: 18.7 s.
    public var lockedPresetSeconds: Double {
        self == .projectM3 ? 60 : 18.7
    }

    /// Takes the frame's values as this renderer would draw them (the layer then draws projectM's waves, motion
    /// vectors and borders when `compatibility` says so).
    public func adjust(_ parameters: inout LayerParameters) {
        parameters.compatibility = self
        guard self == .projectM3 else { return }
        parameters.gamma = 1
    }

    /// projectM 3.1.12's feedback texture for a `width`×`height` picture: both sides snapped down to a multiple of
    /// 16 after taking 15 off (`Renderer::reset`), e.g. 304×160 for 320×180; MilkDrop's is the picture's size.
    public func feedbackSize(width: Int, height: Int) -> (width: Int, height: Int) {
        guard self == .projectM3 else { return (width, height) }
        return (min(max(16, (width - 15) / 16 * 16), width), min(max(16, (height - 15) / 16 * 16), height))
    }
}

/// A driver whose frames follow `compatibility` (the preset's code still sees the values it set).
public struct CompatibleDriver: LayerDriver {
    public var base: any LayerDriver
    public let compatibility: RenderCompatibility

    public init(_ base: any LayerDriver, compatibility: RenderCompatibility) {
        self.base = base
        self.compatibility = compatibility
    }

    public var diagnostics: [String] { base.diagnostics }

    public mutating func frame(_ inputs: LayerFrameInputs, mesh: WarpMesh) -> (LayerParameters, WarpField?) {
        var (parameters, field) = base.frame(inputs, mesh: mesh)
        compatibility.adjust(&parameters)
        return (parameters, field)
    }
}
