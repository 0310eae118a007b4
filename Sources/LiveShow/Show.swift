import AudioAnalysis
import Coupling
import Determinism
import GraphicsCore
import MilkRenderer
import Selection

/// The show: two layers (BG behind FG) playing the pairs of a pack, changed by the picker at the moments
/// `PairChangePolicy` documents, each change a soft transition per layer, composited in 3D by
/// `CouplingCompositor` into `output`.
///
/// Owns GL objects: create and drive it on the thread whose context is current. Time and audio are passed to
/// `advance` and the random generator is seeded from the configuration, so the same inputs give the same
/// pictures (record mode passes frame i at i / fps).
public final class Show {
    public let configuration: ShowConfiguration
    public let pairs: [Pair]
    /// Coupling settings, changeable between frames.
    public var coupling: CouplingParameters
    /// Stops the automatic pair changes (a request still changes).
    public var locked = false
    /// How the picker chooses, changeable between frames.
    public var pickMode: PickMode {
        get { picker.configuration.mode }
        set { picker.configuration.mode = newValue }
    }
    /// Drawn over the composited picture each frame (the HUD).
    public var overlay: (any ShowOverlay)?
    /// The frame rate the caller measured, shown in the status.
    public var measuredFPS = 0.0
    /// Time per stage of each frame (`aivj bench show --profile`); disabled, it costs nothing.
    public var profile = StageProfile(enabled: false)
    /// Whether a sharp MilkDrop 1 FG may be composited in the compositor's scene pass (the default); false draws
    /// its composite in its layer, for comparisons (`aivj bench show --layer-composite`, tests).
    public var compositesForeground = true
    /// Whether the last frame composited its FG in the compositor's scene pass.
    public private(set) var foregroundCompositedInScene = false

    private var picker: Picker
    private var random: SeededRandom
    private let compositor: CouplingCompositor
    private let background: ShowLayerSlot
    private let foreground: ShowLayerSlot
    private var pair: Pair?
    private var pairStart = 0.0
    private var request: Request?
    private let preparer: any PresetPreparing
    private var pending: PendingPair?
    private var changes: UInt64 = 0
    private var newPicks: [PickRecord] = []
    private var warnings: [ShowWarning] = []
    public private(set) var status = ShowStatus()
    /// Ids of the pairs shown, oldest first, at most 20 (the previous-pair key goes back through them).
    public private(set) var pairHistory: [String] = []

    private enum Request {
        case next(PickMode?)
        case pair(String)
    }

    /// The pair picked next, its presets on their way from the preparer.
    private struct PendingPair {
        var pair: Pair
        /// Asked for (a key): it switches as soon as it is ready.
        var requested: Bool
        /// The change's seed base: BG seed, FG seed + 1.
        var seed: UInt64
        /// Tickets of the presets that change (nil: that layer keeps its preset), and the presets once taken.
        var bgTicket: Int?
        var fgTicket: Int?
        var bg: PreparedPreset?
        var fg: PreparedPreset?

        var isReady: Bool { (bgTicket == nil || bg != nil) && (fgTicket == nil || fg != nil) }
    }

    /// The most warnings kept for the HUD.
    public static let warningLimit = 12

    /// Builds the layers and the compositor for `pairs` (a pack's usable pairs); the GL context must be current.
    /// `preparer` turns preset files into drivers off the render thread (by default a `PairPreparer`, which also
    /// compiles the presets' GL programs on `sharedContext` when given: a context sharing objects with the current
    /// one, for its worker).
    public init(pairs: [Pair], configuration: ShowConfiguration, preparer: (any PresetPreparing)? = nil,
                sharedContext: (any SharedGLContext)? = nil) throws {
        self.configuration = try configuration.validated()
        let usable = pairs.filter(\.isUsable)
        guard !usable.isEmpty else { throw LiveShowError.noUsablePairs(pack: "the pack", problems: []) }
        self.pairs = pairs
        coupling = configuration.coupling
        picker = Picker(pairs: pairs, configuration: configuration.picker)
        random = SeededRandom(seed: configuration.seed)
        let (w, h) = (configuration.width, configuration.height)
        compositor = try wrapGraphics { try CouplingCompositor(width: w, height: h) }
        let bgSize = self.configuration.backgroundSize
        background = ShowLayerSlot(width: bgSize.width, height: bgSize.height, meshColumns: configuration.meshColumns,
                                   meshRows: configuration.meshRows)
        foreground = ShowLayerSlot(width: w, height: h, meshColumns: configuration.meshColumns, meshRows: configuration.meshRows)
        self.preparer = preparer ?? PairPreparer(compiler: sharedContext.map {
            ShaderCompileWorker(context: $0, width: w, height: h, meshColumns: configuration.meshColumns,
                                meshRows: configuration.meshRows)
        })
    }

    /// The composited picture of the last frame (with the overlay, if any).
    public var output: Framebuffer { compositor.output }

    /// Generates the code of every compositor program now (`CouplingCompositor.warmUp`), so a live show never
    /// stalls on it mid-show; the picture is left black.
    public func warmUpCompositor() throws { try wrapGraphics { try compositor.warmUp() } }

    /// The last frame as packed RGB, top row first.
    public func readOutput() throws -> [UInt8] { try wrapGraphics { try compositor.readOutput() } }

    /// Changes pair as soon as the next one is prepared (on the next frame in `.onSchedule` mode), picked by the
    /// picker (in `mode` for this pick when given).
    public func requestNextPair(mode: PickMode? = nil) { request = .next(mode) }

    /// Changes to the pair `id` as soon as it is prepared (e.g. the previous pair); the picker chooses when the pack
    /// has no such pair.
    public func requestPair(id: String) { request = .pair(id) }

    /// Picks made since the last call, oldest first (for the pick log).
    public func takeNewPicks() -> [PickRecord] {
        defer { newPicks = [] }
        return newPicks
    }

    /// Adds a warning for the HUD (each kind and message once, the newest `warningLimit` kept).
    public func warn(_ warning: ShowWarning) {
        guard !warnings.contains(where: { $0.kind == warning.kind && $0.message == warning.message }) else { return }
        warnings.append(warning)
        if warnings.count > Self.warningLimit { warnings.removeFirst(warnings.count - Self.warningLimit) }
    }

    /// Renders one frame at show time `time` from its analysed `audio`: pair change if due, both layers,
    /// transitions, the compositor, the overlay.
    public func advance(audio: FrameAudio, time: Double) throws {
        profile.beginFrame()
        defer { profile.endFrame() }
        if audio.inputFallback { warn(ShowWarning(kind: .audioFallback, message: "no audio input: playing silence", time: time)) }
        try changePairIfDue(audio: audio, time: time)
        var inputs = LayerFrameInputs(audio, frame: status.frame, fps: configuration.fps)
        inputs.time = time
        inputs.progress = configuration.policy.progress(elapsed: time - pairStart)
        profile.mark("pair change")
        let motion = CouplingMotion(time: time, beatPulse01: Double(audio.beatPulse01), intensity01: Double(audio.intensity01))
        // A plane shown only or mostly blurred: its layer composites at half size.
        let halfSize = compositor.halfSizePlanes(parameters: coupling, motion: motion)
        background.pictureSize = halfSize.bg ? .half : .full
        foreground.pictureSize = halfSize.fg ? .half : .full
        // A sharp MilkDrop 1 FG is composited in the scene pass rather than by its layer: one full-size pass less.
        foreground.defersComposite = compositesForeground && compositor.compositesForeground(parameters: coupling, motion: motion)
        try background.render(inputs, time: time, profile: &profile, stage: "bg")
        try foreground.render(inputs, time: time, profile: &profile, stage: "fg")
        for line in background.takeDiagnostics() + foreground.takeDiagnostics() {
            warn(ShowWarning(kind: .shaderFallback, message: line, time: time))
        }
        let deferred = foreground.deferredComposite
        foregroundCompositedInScene = deferred != nil
        guard let bg = background.texture, let fg = deferred?.canvas ?? foreground.texture else {
            throw LiveShowError.graphics("no layer picture after frame \(status.frame)")
        }
        try wrapGraphics {
            try compositor.render(background: bg, foreground: fg, foregroundWeights: deferred?.cornerWeights,
                                  parameters: coupling, motion: motion, profile: &profile)
        }
        updateStatus(audio: audio, time: time)
        if let overlay {
            compositor.output.bind()
            try overlay.draw(status, width: configuration.width, height: configuration.height)
            try wrapGraphics { try checkGLError("drawing the overlay") }
            profile.mark("overlay")
        }
        status.frame += 1
    }

    /// Picks the next pair when it is due (`PairChangePolicy.pickLead` before the change, at once for a request)
    /// and asks the preparer for its presets; switches when the policy says so and both presets are ready —
    /// in `.whenReady` mode the current pair plays on until they are, in `.onSchedule` mode the frame waits.
    private func changePairIfDue(audio: FrameAudio, time: Double) throws {
        let elapsed = time - pairStart
        if pair == nil, pending == nil {
            pick(nil, audio: audio, time: time)
        } else if let wanted = request {
            request = nil
            pick(wanted, audio: audio, time: time)
        } else if pending == nil, !locked, configuration.policy.isPickDue(elapsed: elapsed) {
            pick(nil, audio: audio, time: time)
        }
        guard var next = pending else { return }
        let reason: PairChangeReason?
        if pair == nil {
            reason = .start
        } else if next.requested {
            reason = .request
        } else {
            reason = configuration.policy.decide(elapsed: elapsed, beat: !audio.beats.isEmpty, requested: false, locked: locked)
        }
        // Collected every frame, so the change frame finds them ready.
        let waits = reason != nil && (pair == nil || configuration.switching == .onSchedule)
        collect(&next, waiting: waits)
        pending = next
        guard let reason, next.isReady else { return }
        pending = nil
        try show(next, reason: reason, time: time)
    }

    /// Picks the next pair (the requested one, or the picker's choice) and requests the presets that change.
    private func pick(_ wanted: Request?, audio: FrameAudio, time: Double) {
        var next: Pair?
        if case let .pair(id)? = wanted {
            next = pairs.first { $0.id == id && $0.isUsable }
        }
        if next == nil {
            var mode: PickMode?
            if case let .next(asked)? = wanted { mode = asked }
            let saved = picker.configuration.mode
            if let mode { picker.configuration.mode = mode }
            let record = picker.pick(at: time, audio: AudioSnapshot(audio), rng: &random)
            picker.configuration.mode = saved
            if let record {
                newPicks.append(record)
                status.lastPick = record
                next = pairs.first { $0.id == record.pairID }
            }
        }
        guard let next else { return }
        if let replaced = pending {
            for ticket in [replaced.bgTicket, replaced.fgTicket].compactMap({ $0 }) { preparer.discard(ticket) }
        }
        // Two seeds per pick, so every preset that ever plays has its own reproducible randomness.
        let seedBase = configuration.seed &+ changes &* 2
        changes += 1
        var upcoming = PendingPair(pair: next, requested: wanted != nil, seed: seedBase)
        if pair?.bgFile != next.bgFile {
            upcoming.bgTicket = preparer.request(PresetRequest(path: next.bgFile, seed: seedBase, time: time))
        }
        if pair?.fgFile != next.fgFile {
            upcoming.fgTicket = preparer.request(PresetRequest(path: next.fgFile, seed: seedBase &+ 1, time: time))
        }
        pending = upcoming
    }

    /// Takes the presets that are ready (waiting for them when `waiting`).
    private func collect(_ next: inout PendingPair, waiting: Bool) {
        func fetch(_ ticket: Int?, _ path: String) -> PreparedPreset? {
            guard let ticket else { return nil }
            guard waiting else { return preparer.take(ticket) }
            return preparer.wait(ticket)
                ?? PresetPreparation.plain(path: path, problem: "the preparer lost it", time: status.time)
        }
        if next.bg == nil, next.bgTicket != nil { next.bg = fetch(next.bgTicket, next.pair.bgFile) }
        if next.fg == nil, next.fgTicket != nil { next.fg = fetch(next.fgTicket, next.pair.fgFile) }
    }

    /// Starts the transitions to `next`: a layer whose preset is unchanged keeps playing.
    private func show(_ next: PendingPair, reason: PairChangeReason, time: Double) throws {
        let length = reason == .start ? 0 : configuration.policy.transitionSeconds
        if let prepared = next.bg {
            prepared.warnings.forEach(warn)
            try background.start(prepared, seed: next.seed, at: time, length: length)
        }
        if let prepared = next.fg {
            prepared.warnings.forEach(warn)
            try foreground.start(prepared, seed: next.seed &+ 1, at: time, length: length)
        }
        pair = next.pair
        pairStart = time
        pairHistory.append(next.pair.id)
        if pairHistory.count > 20 { pairHistory.removeFirst(pairHistory.count - 20) }
        status.lastChange = reason
    }

    private func updateStatus(audio: FrameAudio, time: Double) {
        status.time = time
        status.pairID = pair?.id
        status.fgPreset = foreground.shownName
        status.bgPreset = background.shownName
        status.warpDiff = pair?.warpDiff ?? 0
        status.cxDiff = pair?.cxDiff ?? 0
        status.quality01 = pair?.quality01
        status.pickMode = picker.configuration.mode
        status.locked = locked
        status.pairElapsed = time - pairStart
        status.fgTransition = foreground.progress
        status.bgTransition = background.progress
        status.audio = AudioMeters(audio)
        status.coupling = coupling
        status.pose = compositor.lastPose
        status.warnings = warnings
        status.fps = measuredFPS
    }
}
