import Dispatch
import Foundation

/// One preset `WindowPlayer` can switch to: its driver and, when a worker compiled them, its GL programs.
public struct PlayerPreset {
    /// The preset's place in the player's list.
    public var index: Int
    public var driver: any LayerDriver
    /// The driver's shader programs, compiled and drawn once on a worker's shared context (nil: the layer compiles).
    public var compiled: CompiledShaders?
    /// Lines for the player's log (a preset that failed to load, shaders left to the render thread).
    public var warnings: [String]

    public init(index: Int, driver: any LayerDriver, compiled: CompiledShaders? = nil, warnings: [String] = []) {
        self.index = index
        self.driver = driver
        self.compiled = compiled
        self.warnings = warnings
    }
}

/// Gets the player's next preset ready away from the render thread. The player calls `request` on a key press and
/// `take` once per frame (never blocking); a request replaces any earlier one not taken yet, so several presses
/// end on the last preset asked for. Tests inject their own to hold a switch back.
public protocol PlayerPreparing: AnyObject {
    /// Starts preparing preset `index`, replacing the request before it.
    func request(_ index: Int)
    /// The last requested preset when it is ready, else nil at once.
    func take() -> PlayerPreset?
}

/// `aivj play`'s preparer: a serial worker queue builds the requested preset's driver (parse, compile the code,
/// translate the shaders, decode textures — whatever the player's `DriverFactory` does) and, given a
/// `ShaderCompileWorker`, compiles and draws its GL programs once on the worker's shared context.
///
/// `@unchecked Sendable`: the `PlayerPreset` is built on the worker, stored in `ready` under `lock` and never touched
/// by the worker again, so `take` moves it to the render thread. Every access to `ready` and `latest` holds `lock`;
/// the compiler is only used by jobs of the serial queue, and by `deinit` once no job holds the preparer.
public final class PlayerPreparer: PlayerPreparing, @unchecked Sendable {
    private let makeDriver: WindowPlayer.DriverFactory
    private let compiler: ShaderCompileWorker?
    private let queue = DispatchQueue(label: "aivj.player-preparer", qos: .userInitiated)
    private let lock = NSLock()
    /// The number of the last request; a job whose number is older has been replaced.
    private var latest = 0
    private var ready: PlayerPreset?

    /// A preparer calling `makeDriver` on its worker, then `compiler` when given (else the layer compiles the
    /// programs at the preset's first frame).
    public init(compiler: ShaderCompileWorker?, makeDriver: @escaping WindowPlayer.DriverFactory) {
        self.compiler = compiler
        self.makeDriver = makeDriver
    }

    // Every job holds the preparer, so none is running here; the warm-up layer goes with the worker's context.
    deinit { compiler?.close() }

    public func request(_ index: Int) {
        lock.lock()
        latest += 1
        let number = latest
        ready = nil
        lock.unlock()
        queue.async { [self] in
            // A press made while this job waited replaces it before any work.
            guard isLatest(number) else { return }
            let preset = prepare(index)
            lock.lock()
            if number == latest { ready = preset }
            lock.unlock()
        }
    }

    public func take() -> PlayerPreset? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        defer { ready = nil }
        return ready
    }

    /// Blocks until every request made so far has been prepared (or dropped): for tests, and a player closing.
    public func finish() { queue.sync {} }

    private func isLatest(_ number: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return number == latest
    }

    /// Builds preset `index` on the calling (worker) thread; one that cannot be loaded plays as a plain layer.
    private func prepare(_ index: Int) -> PlayerPreset {
        var preset: PlayerPreset
        do {
            preset = PlayerPreset(index: index, driver: try makeDriver(index))
        } catch {
            return PlayerPreset(index: index, driver: StaticDriver(LayerParameters()), warnings: ["preset \(index): \(error)"])
        }
        guard let compiler, let shaders = (preset.driver as? PresetDriver)?.shaderSlots?.shaders else { return preset }
        do {
            preset.compiled = try compiler.compile(shaders)
        } catch {
            preset.warnings.append("preset \(index): shaders compile on the render thread: \(error)")
        }
        return preset
    }
}
