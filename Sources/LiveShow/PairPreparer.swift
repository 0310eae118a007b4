import Dispatch
import Foundation
import MilkRenderer

/// One preset the show needs for a coming pair: the file, the seed its code runs with, and the show time of the
/// pick (stamped on its warnings).
public struct PresetRequest: Sendable, Hashable {
    public var path: String
    public var seed: UInt64
    public var time: Double

    public init(path: String, seed: UInt64, time: Double) {
        self.path = path
        self.seed = seed
        self.time = time
    }
}

/// Turns preset files into playable presets for the show, away from the render thread.
///
/// The show calls `request` when the picker has chosen the next pair, `take` once per frame while it waits (never
/// blocking), and `wait` only where blocking is the point: the first pair, and record mode's change frames (a fixed
/// time step must not depend on how fast another thread was). Tests inject their own to count and slow calls.
public protocol PresetPreparing: AnyObject {
    /// Starts preparing `request` and returns its ticket at once.
    func request(_ request: PresetRequest) -> Int
    /// The preset of `ticket` when it is ready, else nil at once.
    func take(_ ticket: Int) -> PreparedPreset?
    /// Blocks until `ticket` is ready and returns it; nil for a ticket already taken or discarded.
    func wait(_ ticket: Int) -> PreparedPreset?
    /// Forgets `ticket` (a pick replaced before it played); its result is dropped when it arrives.
    func discard(_ ticket: Int)
}

/// The show's preparer: one worker (a serial Dispatch queue) runs `PresetPreparation.prepare` — parse, compile the
/// code, translate the shaders through the disk cache, decode user textures — for each request in turn, then, given
/// a `ShaderCompileWorker`, compiles and warms up the preset's GL programs on its shared context.
///
/// `take` holds the lock only if it is free (`NSLock.try`), so a frame never waits on the worker. `@unchecked
/// Sendable`: a `PreparedPreset` holds a layer driver, which is not `Sendable`; it is built on the worker, stored in
/// `ready` under `lock` and never touched by the worker again, so handing it over moves it rather than sharing it.
/// Every access to `ready`, `dropped` and `nextTicket` holds `lock`.
public final class PairPreparer: PresetPreparing, @unchecked Sendable {
    public typealias Prepare = @Sendable (PresetRequest) -> PreparedPreset

    private let prepare: Prepare
    private let compiler: ShaderCompileWorker?
    private let queue = DispatchQueue(label: "aivj.pair-preparer", qos: .userInitiated)
    private let lock = NSLock()
    private var nextTicket = 0
    private var ready: [Int: PreparedPreset] = [:]
    private var dropped: Set<Int> = []

    /// A preparer running `prepare` (by default the show's `PresetPreparation.prepare`) on its worker, and
    /// `compiler` after it when given.
    public init(prepare: @escaping Prepare = { PresetPreparation.prepare($0) }, compiler: ShaderCompileWorker? = nil) {
        self.prepare = prepare
        self.compiler = compiler
    }

    deinit {
        // The worker's GL objects go with its context, on the worker.
        if let compiler { queue.sync { compiler.close() } }
    }

    public func request(_ request: PresetRequest) -> Int {
        lock.lock()
        let ticket = nextTicket
        nextTicket += 1
        lock.unlock()
        queue.async { [self] in
            var prepared = prepare(request)
            if let compiler, let shaders = prepared.shaders {
                do {
                    prepared.compiled = try compiler.compile(shaders)
                } catch {
                    // The layer compiles them itself then; the reason goes to the HUD.
                    prepared.warnings.append(ShowWarning(kind: .shaderFallback, message: "\(prepared.name): shaders not "
                        + "compiled off the render thread: \(error)", time: request.time))
                }
            }
            lock.lock()
            if dropped.remove(ticket) == nil { ready[ticket] = prepared }
            lock.unlock()
        }
        return ticket
    }

    public func take(_ ticket: Int) -> PreparedPreset? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return ready.removeValue(forKey: ticket)
    }

    public func wait(_ ticket: Int) -> PreparedPreset? {
        // The queue is serial: once an empty job queued now has run, every earlier request is done.
        queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        return ready.removeValue(forKey: ticket)
    }

    public func discard(_ ticket: Int) {
        lock.lock()
        defer { lock.unlock() }
        if ready.removeValue(forKey: ticket) == nil { dropped.insert(ticket) }
    }
}
