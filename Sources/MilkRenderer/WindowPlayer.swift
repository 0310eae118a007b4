import CGL
import GraphicsCore
import Recording

/// Plays layers in an SDL window: one preset at a time, keys to step through a list, fullscreen, quit.
///
/// Keys: Right/N next, Left/P previous, F fullscreen, Escape/Q quit. A key press asks a `PlayerPreparing` (by
/// default a `PlayerPreparer` compiling on a context shared with the window's) for the preset; the current one
/// keeps playing until the new one is ready, which then starts at the next frame, so a switch never loads on the
/// render thread.
public final class WindowPlayer {
    /// Builds the driver of preset `index` (on the preparer's worker); the player owns no preset logic of its own.
    public typealias DriverFactory = @Sendable (Int) throws -> any LayerDriver

    private let window: GLWindow
    private let count: Int
    private let fps: Double
    private let seed: UInt64
    /// The preset shown.
    public private(set) var index: Int
    /// The preset last asked for, while the preparer works on it.
    public private(set) var requested: Int?
    private var driver: any LayerDriver
    private var layer: MilkLayer
    /// Optional only so `deinit` can let it go while the window's context is still there.
    private var preparer: (any PlayerPreparing)?
    private var fullscreen = false
    /// Frames shown of the current preset (a switch restarts it).
    private var presetFrame = 0
    /// Messages for the console (a preset that failed to load, and why).
    public private(set) var log: [String] = []
    /// Time and measured fps of the last frame shown (read from the clock, not counted).
    public private(set) var timing: FrameTiming
    public private(set) var lastInputs: LayerFrameInputs?

    /// Opens the window and loads preset `start` of `count` (on this thread: nothing plays yet). Switches go through
    /// `preparer`, by default a `PlayerPreparer` calling `makeDriver` on its worker.
    public init(video: SDLVideo, title: String, width: Int, height: Int, count: Int, start: Int = 0,
                fps: Double = 60, seed: UInt64 = 1, hidden: Bool = false, preparer: (any PlayerPreparing)? = nil,
                makeDriver: @escaping DriverFactory) throws {
        guard count > 0 else { throw MilkRendererError.badSize(what: "playlist", value: "empty") }
        let window = try wrapGraphics { try GLWindow(video: video, title: title, width: Int32(width), height: Int32(height), hidden: hidden) }
        try wrapGraphics { try window.makeCurrent() }
        self.window = window
        window.setSwapInterval(1)
        self.count = count
        self.fps = fps
        self.seed = seed
        timing = FrameTiming(nominalFPS: fps)
        index = ((start % count) + count) % count
        let size = window.drawableSize
        layer = try MilkLayer(width: Int(max(size.width, 1)), height: Int(max(size.height, 1)), seed: seed)
        try layer.prepareShaderResources()
        do {
            driver = try makeDriver(index)
        } catch {
            log.append("preset \(index): \(error)")
            driver = StaticDriver(LayerParameters())
        }
        if let preparer {
            self.preparer = preparer
        } else {
            var compiler: ShaderCompileWorker?
            do {
                compiler = ShaderCompileWorker(context: try wrapGraphics { try window.makeSharedContext() }, width: layer.width,
                                               height: layer.height, meshColumns: layer.mesh.columns, meshRows: layer.mesh.rows)
            } catch {
                log.append("no shared GL context (\(error)): shaders compile on the render thread")
            }
            self.preparer = PlayerPreparer(compiler: compiler, makeDriver: makeDriver)
        }
    }

    deinit {
        // Waiting for a job in flight lets the preparer go here rather than on its worker while SDL shuts down;
        // closing its compiler leaves the worker's context current, so the window's goes back for the layer.
        (preparer as? PlayerPreparer)?.finish()
        preparer = nil
        try? window.makeCurrent()
    }

    /// Asks for preset `newIndex` (wrapped into the list); the current preset plays on until it is ready.
    public func request(_ newIndex: Int) {
        let wrapped = ((newIndex % count) + count) % count
        requested = wrapped
        preparer?.request(wrapped)
    }

    /// Starts the prepared preset, if one is ready, in the same layer: as MilkDrop's hard cut, the new preset
    /// warps on from the picture on screen, and the layer's GL resources (feedback buffers, its programs, the
    /// MilkDrop 2 blur pyramid and noise textures, made once) are not made again on the render thread.
    private func switchIfReady() throws {
        guard requested != nil, let ready = preparer?.take() else { return }
        requested = nil
        index = ready.index
        driver = ready.driver
        log += ready.warnings
        let size = window.drawableSize
        let (width, height) = (Int(max(size.width, 1)), Int(max(size.height, 1)))
        if width != layer.width || height != layer.height {
            layer = try MilkLayer(width: width, height: height, seed: seed)
            try layer.prepareShaderResources()
        }
        if let compiled = ready.compiled { try layer.adopt(compiled) }
        presetFrame = 0
        timing.restartPreset()
    }

    /// Runs until quit, or for `frames` frames when given (tests); `audio` gives each frame's sound.
    /// Each frame's time comes from the system's monotonic clock and fps is measured (see `FrameTiming`).
    /// Returns the mean luma of the last frame shown.
    @discardableResult
    public func run(frames: Int? = nil, audio: inout some FrameAudioSource) throws -> Double {
        var clock = MonotonicClock()
        return try run(frames: frames, audio: &audio, clock: &clock)
    }

    /// As `run(frames:audio:)`, reading time from `clock`. Audio stays one block per frame shown (a live device
    /// gives what arrived since the last frame).
    @discardableResult
    public func run(frames: Int? = nil, audio: inout some FrameAudioSource, clock: inout some FrameClock) throws -> Double {
        var frame = 0
        var lastLuma = 0.0
        while frames.map({ frame < $0 }) ?? true {
            for event in window.pollEvents() {
                switch event {
                case .quit:
                    return lastLuma
                case let .key(name, _, _):
                    switch name.lowercased() {
                    case "escape", "q": return lastLuma
                    case "right", "n": request((requested ?? index) + 1)
                    case "left", "p": request((requested ?? index) - 1)
                    case "f":
                        fullscreen.toggle()
                        window.setFullscreen(fullscreen)
                    default: break
                    }
                case .resized:
                    let size = window.drawableSize
                    layer = try MilkLayer(width: Int(max(size.width, 1)), height: Int(max(size.height, 1)), seed: seed)
                }
            }
            try switchIfReady()
            let (time, measured) = timing.tick(now: clock.seconds())
            var inputs = try audio.inputs(frame: presetFrame, fps: fps)
            inputs.time = time
            inputs.fps = measured
            lastInputs = inputs
            let (parameters, field) = driver.frame(inputs, mesh: layer.mesh)
            try layer.render(parameters, inputs: inputs, warpField: field)
            log += layer.takeDiagnostics()
            let size = window.drawableSize
            layer.output.blitToDefault(width: Int(size.width), height: Int(size.height))
            if let frames, frame == frames - 1 {
                let pixels = try layer.readOutput()
                lastLuma = try RGBImage(width: layer.width, height: layer.height, pixels: pixels).meanLuma
            }
            window.swap()
            frame += 1
            presetFrame += 1
        }
        return lastLuma
    }
}
