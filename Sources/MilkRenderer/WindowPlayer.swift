import CGL
import GraphicsCore
import Recording

/// Plays layers in an SDL window: one preset at a time, keys to step through a list, fullscreen, quit.
///
/// Keys: Right/N next, Left/P previous, F fullscreen, Escape/Q quit.
public final class WindowPlayer {
    /// Builds the driver of preset `index`; the player owns no preset logic of its own.
    public typealias DriverFactory = (Int) throws -> any LayerDriver

    private let window: GLWindow
    private let count: Int
    private let makeDriver: DriverFactory
    private let fps: Double
    private let seed: UInt64
    private var index: Int
    private var driver: any LayerDriver
    private var layer: MilkLayer
    private var fullscreen = false
    /// Messages for the console (a preset that failed to load, and why).
    public private(set) var log: [String] = []
    /// Time and measured fps of the last frame shown (read from the clock, not counted).
    public private(set) var timing: FrameTiming
    public private(set) var lastInputs: LayerFrameInputs?

    /// Opens the window and loads preset `start` of `count`.
    public init(video: SDLVideo, title: String, width: Int, height: Int, count: Int, start: Int = 0,
                fps: Double = 60, seed: UInt64 = 1, hidden: Bool = false, makeDriver: @escaping DriverFactory) throws {
        guard count > 0 else { throw MilkRendererError.badSize(what: "playlist", value: "empty") }
        let window = try wrapGraphics { try GLWindow(video: video, title: title, width: Int32(width), height: Int32(height), hidden: hidden) }
        try wrapGraphics { try window.makeCurrent() }
        self.window = window
        window.setSwapInterval(1)
        self.count = count
        self.makeDriver = makeDriver
        self.fps = fps
        self.seed = seed
        timing = FrameTiming(nominalFPS: fps)
        index = ((start % count) + count) % count
        let size = window.drawableSize
        layer = try MilkLayer(width: Int(max(size.width, 1)), height: Int(max(size.height, 1)), seed: seed)
        driver = StaticDriver(LayerParameters())
        try load(index)
    }

    private func load(_ newIndex: Int) throws {
        index = ((newIndex % count) + count) % count
        do {
            driver = try makeDriver(index)
        } catch {
            log.append("preset \(index): \(error)")
            driver = StaticDriver(LayerParameters())
        }
        let size = window.drawableSize
        layer = try MilkLayer(width: Int(max(size.width, 1)), height: Int(max(size.height, 1)), seed: seed)
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
        var presetFrame = 0
        var lastLuma = 0.0
        while frames.map({ frame < $0 }) ?? true {
            for event in window.pollEvents() {
                switch event {
                case .quit:
                    return lastLuma
                case let .key(name):
                    switch name.lowercased() {
                    case "escape", "q": return lastLuma
                    case "right", "n": try load(index + 1); presetFrame = 0; timing.restartPreset()
                    case "left", "p": try load(index - 1); presetFrame = 0; timing.restartPreset()
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
