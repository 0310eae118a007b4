import Selection

/// Everything the HUD shows, gathered from the show, the audio source and the app: a flat value, so the
/// HUD's content is a pure function of it (`HUDInput.model()`).
public struct HUDInput: Sendable, Equatable {
    /// The audio meters of the frame.
    public struct Meters: Sendable, Equatable {
        public var bass = 0.0, mid = 0.0, treb = 0.0
        public var energy01 = 0.0, accent01 = 0.0, beatPulse01 = 0.0, intensity01 = 0.0
        public var bpm = 0.0
        public var tempoLocked = false
        public init() {}
    }

    /// The audio source: its name and health.
    public struct AudioState: Sendable, Equatable {
        public var source = ""
        /// AudioSourceStatus's HUD line, nil when running.
        public var statusLine: String?
        /// Capture overruns so far (nil for files and synthetic sources).
        public var xruns: Int?
        /// True when silence plays instead of a missing device.
        public var fallback = false
        public init() {}
    }

    public var fps = 0.0
    public var frameTimesMS: [Double] = []
    /// The frame budget the graph marks (1000 / the display's refresh rate).
    public var budgetMS = 1000.0 / 60
    public var pairID: String?
    public var fgPreset = ""
    public var bgPreset = ""
    public var locked = false
    public var pickMode: PickMode = .weighted
    public var lastPick: PickRecord?
    public var warpDiff = 0.0
    public var cxDiff = 0.0
    /// nil when the pair is unscored.
    public var quality01: Double?
    /// Seconds the pair has played and its transition progress (nil when none runs).
    public var pairElapsed = 0.0
    public var transition: Double?
    public var meters = Meters()
    public var couplingMode = "on"
    public var strength = 0.0, parallax = 0.0, dof = 0.0
    public var audio = AudioState()
    /// Problems to fix (shader fallback, missing texture, no audio), one line each.
    public var warnings: [String] = []
    /// Passing messages (a rating saved, a setting changed), one line each.
    public var notices: [String] = []
    public var showHelp = false

    public init() {}
}
