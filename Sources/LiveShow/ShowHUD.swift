import HUD

/// The HUD as the show's overlay: turns each frame's `ShowStatus` plus what the app knows (frame times,
/// the audio device, notices, the help screen) into a `HUDModel` and draws it with `HUDOverlay`.
///
/// Owns GL objects (through `HUDOverlay`): make it with the show's context current. `aivj live` and
/// `aivj record --hud` both use it.
public final class ShowHUD: ShowOverlay {
    private let overlay: HUDOverlay
    /// Draw the HUD panels (the help screen shows whether or not).
    public var visible: Bool
    public var showHelp = false
    public var frameTimer = FrameTimer()
    /// The frame budget the graph marks, in milliseconds.
    public var budgetMS = 1000.0 / 60
    public var audio = HUDInput.AudioState()
    /// Lines shown under the warnings until the app clears them.
    public var notices: [String] = []
    /// Warnings the show does not know about (e.g. the synthetic signal standing in for a device).
    public var extraWarnings: [String] = []
    /// The model drawn last (tests).
    public private(set) var lastModel: HUDModel?

    public init(visible: Bool, fontPath: String = TrueTypeFont.defaultPath) throws {
        self.visible = visible
        overlay = try HUDOverlay(fontPath: fontPath)
    }

    /// What this HUD shows for `status`.
    public func model(for status: ShowStatus) -> HUDModel {
        guard visible else { return HUDModel(panels: showHelp ? [HUDInput.helpPanel()] : []) }
        var input = HUDInput(status: status)
        input.frameTimesMS = frameTimer.milliseconds
        input.budgetMS = budgetMS
        let fallback = input.audio.fallback
        input.audio = audio
        input.audio.fallback = audio.fallback || fallback
        input.warnings = extraWarnings + input.warnings
        input.notices = notices
        input.showHelp = showHelp
        return input.model()
    }

    public func draw(_ status: ShowStatus, width: Int, height: Int) throws {
        let model = model(for: status)
        lastModel = model
        guard !model.isEmpty else { return }
        try overlay.draw(model, width: width, height: height)
    }
}
