extension HUDInput {
    /// The HUD's view of a show status; the app adds what the show does not know (frame times, the audio
    /// device, notices, help).
    public init(status: ShowStatus) {
        self.init()
        fps = status.fps
        pairID = status.pairID
        fgPreset = status.fgPreset
        bgPreset = status.bgPreset
        locked = status.locked
        pickMode = status.pickMode
        lastPick = status.lastPick
        warpDiff = status.warpDiff
        cxDiff = status.cxDiff
        quality01 = status.quality01
        pairElapsed = status.pairElapsed
        transition = status.fgTransition ?? status.bgTransition
        meters.bass = Double(status.audio.bass)
        meters.mid = Double(status.audio.mid)
        meters.treb = Double(status.audio.treb)
        meters.energy01 = Double(status.audio.energy01)
        meters.accent01 = Double(status.audio.accent01)
        meters.beatPulse01 = Double(status.audio.beatPulse01)
        meters.intensity01 = Double(status.audio.intensity01)
        meters.bpm = status.audio.bpm
        audio.fallback = status.audio.fallback
        couplingMode = status.coupling.mode.rawValue
        strength = status.coupling.strength
        parallax = status.coupling.parallax
        dof = status.coupling.dof
        warnings = status.warnings.map { "\(Self.label($0.kind)): \($0.message)" }
    }

    static func label(_ kind: ShowWarning.Kind) -> String {
        switch kind {
        case .presetFallback: return "preset fallback"
        case .shaderFallback: return "shader fallback"
        case .missingTexture: return "missing texture"
        case .audioFallback: return "audio"
        }
    }
}
