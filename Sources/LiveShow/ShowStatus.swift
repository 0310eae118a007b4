import AudioAnalysis
import Coupling
import Selection

/// Something the HUD should show until it is fixed: a preset that failed, a missing texture, no audio.
public struct ShowWarning: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A preset could not be read or compiled and a plain fallback layer plays instead.
        case presetFallback
        /// Statements or shader code the renderer had to drop (shader fallback).
        case shaderFallback
        /// A texture a preset names was not found.
        case missingTexture
        /// The audio source fell back to silence.
        case audioFallback
    }

    public var kind: Kind
    public var message: String
    /// Show time when it was first seen.
    public var time: Double

    public init(kind: Kind, message: String, time: Double) {
        self.kind = kind
        self.message = message
        self.time = time
    }
}

/// The audio meters of one frame, as the HUD draws them.
public struct AudioMeters: Sendable, Equatable, Codable {
    public var bass: Float = 0
    public var mid: Float = 0
    public var treb: Float = 0
    public var energy01: Float = 0
    public var accent01: Float = 0
    public var beatPulse01: Float = 0
    public var intensity01: Float = 0
    public var bpm: Double = 0
    /// True when the source plays silence instead of a missing device.
    public var fallback = false

    public init() {}

    public init(_ audio: FrameAudio) {
        bass = audio.bass
        mid = audio.mid
        treb = audio.treb
        energy01 = audio.energy01
        accent01 = audio.accent01
        beatPulse01 = audio.beatPulse01
        intensity01 = audio.intensity01
        bpm = audio.bpm
        fallback = audio.inputFallback
    }
}

/// A read-only snapshot of the show for the HUD: what plays, why it was picked, the music, the coupling.
public struct ShowStatus: Sendable, Equatable {
    /// Frames rendered so far and the show time of the last one.
    public var frame = 0
    public var time = 0.0
    /// The pair on screen (the incoming one during a transition).
    public var pairID: String?
    public var fgPreset = ""
    public var bgPreset = ""
    public var warpDiff = 0.0
    public var cxDiff = 0.0
    /// The pair's quality (nil when unscored).
    public var quality01: Double?
    public var pickMode: PickMode = .weighted
    public var locked = false
    /// The last pick: its weight, probability and three best alternatives are inside.
    public var lastPick: PickRecord?
    public var lastChange: PairChangeReason?
    /// Seconds the current pair has played.
    public var pairElapsed = 0.0
    /// Progress 0…1 of each layer's transition, nil when none runs.
    public var fgTransition: Double?
    public var bgTransition: Double?
    public var audio = AudioMeters()
    public var coupling = CouplingParameters()
    public var pose: CouplingPose?
    /// Newest last; each kind and message once.
    public var warnings: [ShowWarning] = []
    /// Frames per second as the caller measured it (the show itself runs on injected time).
    public var fps = 0.0

    public init() {}
}

/// Draws on top of the composited picture (the HUD); the `live` app and `record --hud` pass one in.
public protocol ShowOverlay: AnyObject {
    /// Draws `status` over `target` (bound by the caller, the composited picture already in it).
    func draw(_ status: ShowStatus, width: Int, height: Int) throws
}
