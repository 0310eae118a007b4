import AudioAnalysis
import AudioInput
import Coupling
import Dispatch
import Foundation
import GraphicsCore
import Recording
import Selection

/// How one `aivj live` run goes, beside its settings.
public struct LiveRunOptions: Sendable {
    /// Stop after this many frames (tests); nil runs until quit.
    public var frames: Int?
    /// Write the last frame shown (the composited picture, HUD included) as a PNG here.
    public var screenshot: String?
    /// Seeds the picker and the layers.
    public var seed: UInt64 = 1
    /// Frame rate the show's audio analysis and budget assume (the display's refresh).
    public var fps = 60.0
    /// Key presses played at given frames, as if typed (tests).
    public var keys: [LiveKey.ScriptedPress] = []

    public init(frames: Int? = nil, screenshot: String? = nil, seed: UInt64 = 1) {
        self.frames = frames
        self.screenshot = screenshot
        self.seed = seed
    }
}

/// What a run did, printed as JSON when it ends.
public struct LiveRunSummary: Codable, Sendable, Equatable {
    public var frames: Int
    public var seconds: Double
    public var fps: Double
    public var pairs: [String]
    public var audio: String
    public var meanLuma: Double?
    public var screenshot: String?
    public var messages: [String]

    enum CodingKeys: String, CodingKey {
        case frames, seconds, fps, pairs, audio, screenshot, messages
        case meanLuma = "mean_luma"
    }
}

/// `aivj live`: the show in an SDL window with vsync, on the wall clock, driven by live audio, with the HUD
/// and the keys of `LiveKey`; live changes of settings are saved to the config file.
public final class LivePlayer {
    private var config: ShowConfig
    private var store: ConfigStore?
    private let options: LiveRunOptions
    private let packDirectory: String
    private let pairs: [Pair]
    private let feed: AudioFeed
    /// Files and synthetic signals follow the wall clock; a capture device gives what arrived since the last frame.
    private let clockedAudio: WallClockAudio?
    private let audioName: String
    private var messages: [String] = []
    private var notices: [(text: String, until: Double)] = []
    private var shownPairs: [String] = []
    private var fullscreen: Bool
    // GL objects: freed in `close()` before the window and its context.
    private var show: Show?
    private var hud: ShowHUD?
    private var window: GLWindow?
    private let video: SDLVideo

    /// Loads the pack, opens the window (on `config.display`, fullscreen when asked), builds the show and the
    /// audio source. `store` receives live changes of settings (nil: nothing is saved).
    public init(config: ShowConfig, store: ConfigStore?, options: LiveRunOptions) throws {
        self.config = try config.validated()
        self.store = store
        self.options = options
        packDirectory = LiveSources.pack(config.pack)
        let (pairs, problems) = try ShowPack.load(packDirectory, libraryRoot: LiveSources.library(config.library, pack: packDirectory))
        self.pairs = pairs
        messages += problems.prefix(5).map { "pack: " + $0 }

        let (source, audioWarning) = try LiveSources.audio(config)
        let feed = try AudioFeed(source: source, fps: options.fps)
        self.feed = feed
        clockedAudio = source is ALSACaptureSource ? nil : WallClockAudio(fps: options.fps, next: feed.next)
        audioName = source.name

        video = try SDLVideo()
        var display = config.display
        if display >= video.displayCount {
            messages.append("display \(display) does not exist (\(video.displayCount) found): using display 0")
            display = 0
        }
        let window = try GLWindow(video: video, title: "aivj live", width: Int32(config.width), height: Int32(config.height),
                                  display: Int32(display))
        try window.makeCurrent()
        if !window.setSwapInterval(1) { messages.append("vsync not available") }
        fullscreen = config.fullscreen
        if fullscreen { window.setFullscreen(true) }
        self.window = window

        var coupling = CouplingParameters()
        Self.copyCoupling(from: config, to: &coupling)
        let configuration = ShowConfiguration(
            width: config.width, height: config.height, fps: options.fps, seed: options.seed,
            picker: PickerConfiguration(mode: config.pickMode),
            policy: PairChangePolicy(minimumDwell: config.minimumDwell, maximumDwell: config.maximumDwell),
            coupling: coupling, switching: .whenReady, backgroundScale: config.bgScale)
        // Preset programs are compiled on a second context of the preparer's; without one, on this thread.
        var shared: GLWindowSharedContext?
        do { shared = try window.makeSharedContext() } catch {
            messages.append("no shared GL context (\(error)): shaders compile on the render thread")
        }
        let show = try Show(pairs: pairs, configuration: configuration, sharedContext: shared)
        try show.warmUpCompositor()
        let hud = ShowHUD(visible: config.hud)
        hud.budgetMS = 1000 / options.fps
        hud.audio.source = source.name
        if let audioWarning {
            hud.extraWarnings.append(audioWarning)
            hud.audio.fallback = true
            messages.append(audioWarning)
        }
        show.overlay = hud
        self.show = show
        self.hud = hud
        messages.forEach { FileHandle.standardError.write(Data(("aivj live: " + $0 + "\n").utf8)) }
    }

    deinit { close() }

    /// Frees the show and the HUD, then the window (its context must outlive their GL objects).
    public func close() {
        show = nil
        hud = nil
        window = nil
    }

    /// Plays until quit (window closed, Q or Escape), or for `options.frames` frames.
    public func run() throws -> LiveRunSummary {
        guard let show, let hud, let window else { throw LiveShowError.graphics("the live show was closed") }
        let start = Self.now()
        var frame = 0
        var lastLuma: Double?
        var screenshot: String?
        playing: while options.frames.map({ frame < $0 }) ?? true {
            let time = Self.now() - start
            let scripted = options.keys.filter { $0.frame == frame }.map { LiveInputEvent.key(code: $0.code, shift: $0.shift) }
            let polled: [LiveInputEvent] = window.pollEvents().compactMap { event in
                switch event {
                case .quit: return .quit
                case let .key(_, code, shift): return .key(code: code, shift: shift)
                case .resized: return nil
                }
            }
            for event in polled + scripted {
                switch event {
                case .quit:
                    break playing
                case let .key(code, shift):
                    guard let action = LiveKey.action(keyCode: code, shift: shift) else { continue }
                    if action == .quit { break playing }
                    handle(action, show: show, hud: hud, window: window, time: time)
                }
            }
            updateHUD(hud, time: time)
            show.measuredFPS = hud.frameTimer.fps
            try show.advance(audio: clockedAudio?.audio(at: time) ?? feed.next(), time: time)
            if let id = show.status.pairID, shownPairs.last != id { shownPairs.append(id) }
            let size = window.drawableSize
            show.output.blitToDefault(width: Int(size.width), height: Int(size.height))
            if let frames = options.frames, frame == frames - 1 {
                let pixels = try show.readOutput()
                let image = try RGBImage(width: config.width, height: config.height, pixels: pixels)
                lastLuma = image.meanLuma
                if let path = options.screenshot {
                    try Self.writePNG(image, to: path)
                    screenshot = path
                }
            }
            window.swap()
            hud.frameTimer.tick(at: Self.now())
            frame += 1
        }
        let seconds = Self.now() - start
        return LiveRunSummary(frames: frame, seconds: seconds, fps: seconds > 0 ? Double(frame) / seconds : 0,
                              pairs: shownPairs, audio: audioName, meanLuma: lastLuma, screenshot: screenshot,
                              messages: messages)
    }

    private func handle(_ action: LiveAction, show: Show, hud: ShowHUD, window: GLWindow, time: Double) {
        switch action {
        case .nextPair:
            show.requestNextPair()
        case .previousPair:
            if shownPairs.count >= 2 {
                shownPairs.removeLast()
                let previous = shownPairs.removeLast()
                show.requestPair(id: previous)
            } else {
                notify("no previous pair yet", time: time)
            }
        case .randomPick:
            show.requestNextPair(mode: .random)
        case .toggleLock:
            show.locked.toggle()
            notify(show.locked ? "pair locked" : "pair unlocked", time: time)
        case .toggleHelp:
            hud.showHelp.toggle()
        case let .rate(value):
            rate(value, show: show, time: time)
        case .quit:
            break
        case .toggleHUD, .toggleFullscreen, .togglePickMode, .cycleCouplingMode, .adjust:
            guard config.apply(action) else { return }
            hud.visible = config.hud
            if fullscreen != config.fullscreen {
                fullscreen = config.fullscreen
                window.setFullscreen(fullscreen)
            }
            show.pickMode = config.pickMode
            Self.copyCoupling(from: config, to: &show.coupling)
            if case .adjust = action { notify("coupling \(config.couplingMode)  strength \(fixed(config.strength, 1))  parallax \(fixed(config.parallax, 1))  dof \(fixed(config.dof, 1))", time: time) }
            save(action, time: time)
        }
    }

    /// Saves a live change of a setting to the config file (the run's flags are not written).
    private func save(_ action: LiveAction, time: Double) {
        guard store != nil else { return }
        do {
            try store?.update { $0.apply(action) }
        } catch {
            notify("settings not saved: \(error)", time: time)
        }
    }

    private func rate(_ value: Int, show: Show, time: Double) {
        guard let id = show.status.pairID, let pair = pairs.first(where: { $0.id == id }) else {
            notify("nothing to rate yet", time: time)
            return
        }
        let rating = PairRating(time: ISO8601DateFormatter().string(from: Date()), pairID: id, rating: value,
                                fg: pair.fg, bg: pair.bg, pack: packDirectory)
        do {
            let written = try RatingLog(packDirectory: packDirectory).append(rating)
            notify("rated \(id): \(value)/5 → \(written.path)" + (written.fellBack ? " (the pack folder is read-only)" : ""), time: time)
        } catch {
            notify("rating not saved: \(error)", time: time)
        }
    }

    private func notify(_ text: String, time: Double) {
        notices.append((text, time + 4))
        FileHandle.standardError.write(Data(("aivj live: " + text + "\n").utf8))
    }

    private func updateHUD(_ hud: ShowHUD, time: Double) {
        notices.removeAll { $0.until < time }
        hud.notices = notices.suffix(4).map(\.text)
        if let capture = feed.source as? ALSACaptureSource {
            hud.audio.xruns = capture.xruns
            hud.audio.statusLine = capture.status.hudText
        } else {
            hud.audio.statusLine = feed.source.status.hudText
        }
    }

    static func copyCoupling(from config: ShowConfig, to parameters: inout CouplingParameters) {
        parameters.mode = CouplingMode(rawValue: config.couplingMode) ?? .on
        parameters.strength = config.strength
        parameters.parallax = config.parallax
        parameters.dof = config.dof
    }

    static func writePNG(_ image: RGBImage, to path: String) throws {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(PNGCodec.encode(image)).write(to: url, options: .atomic)
        } catch {
            throw LiveShowError.io(path: path, message: "cannot write the screenshot: \(error)")
        }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
