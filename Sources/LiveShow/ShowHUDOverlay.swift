import Foundation
import HUD

/// The HUD drawn over the show's picture: the HUD module's overlay fed from `ShowStatus`.
///
/// What `aivj record --hud` passes to `ShowRecorder.run`. The app adds what only it knows (frame times, the audio
/// device, notices) through `extra`. In a recording the status carries no wall-clock figures (fps 0), so frames
/// with the HUD stay reproducible.
public final class ShowHUDOverlay: ShowOverlay {
    private let overlay: HUDOverlay
    /// Filled in before each frame by the app (audio device state, frame times, notices); the show's part is
    /// overwritten from the status.
    public var extra = HUDInput()

    /// Loads the HUD font (Debian's DejaVu Sans Mono by default); the GL context must be current.
    public init(fontPath: String = TrueTypeFont.defaultPath) throws {
        do { overlay = try HUDOverlay(fontPath: fontPath) } catch {
            throw LiveShowError.io(path: fontPath, message: "cannot load the HUD font: \(error)")
        }
    }

    public func draw(_ status: ShowStatus, width: Int, height: Int) throws {
        var input = extra
        Self.fill(&input, from: status)
        do { try overlay.draw(input.model(), width: width, height: height) } catch {
            throw LiveShowError.graphics("drawing the HUD: \(error)")
        }
    }

    /// Copies the show's side of the HUD out of `status`.
    static func fill(_ input: inout HUDInput, from status: ShowStatus) {
        input.fps = status.fps
        input.pairID = status.pairID
        input.fgPreset = status.fgPreset
        input.bgPreset = status.bgPreset
        input.locked = status.locked
        input.pickMode = status.pickMode
        input.lastPick = status.lastPick
        input.warpDiff = status.warpDiff
        input.cxDiff = status.cxDiff
        input.quality01 = status.quality01
        input.pairElapsed = status.pairElapsed
        input.transition = status.fgTransition ?? status.bgTransition
        input.meters.bass = Double(status.audio.bass)
        input.meters.mid = Double(status.audio.mid)
        input.meters.treb = Double(status.audio.treb)
        input.meters.energy01 = Double(status.audio.energy01)
        input.meters.accent01 = Double(status.audio.accent01)
        input.meters.beatPulse01 = Double(status.audio.beatPulse01)
        input.meters.intensity01 = Double(status.audio.intensity01)
        input.meters.bpm = status.audio.bpm
        input.couplingMode = status.coupling.mode.rawValue
        input.strength = status.coupling.strength
        input.parallax = status.coupling.parallax
        input.dof = status.coupling.dof
        input.audio.fallback = input.audio.fallback || status.audio.fallback
        input.warnings = status.warnings.map { "\($0.kind.rawValue): \($0.message)" }
    }
}
