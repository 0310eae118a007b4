import Dispatch
import Foundation

/// Prepares presets on a worker thread so the render loop never waits for parsing, code compilation, shader
/// translation or image decoding.
///
/// The render thread calls `request(_:)` and then `poll()` once per frame; `poll()` never blocks (if the worker holds
/// the lock at that instant it answers nil and the next frame asks again). Results come back in request order. GL
/// compilation of the prepared shaders stays on the render thread (see docs/architecture.md, "Switching presets
/// without a hitch").
///
/// `@unchecked Sendable`: a `PreparedPreset` holds a layer driver, which is not `Sendable`. It is built on the worker,
/// put in `ready` under `lock` and never touched by the worker again, so handing it to the polling thread moves it
/// rather than sharing it. Every access to `ready` and `nextTicket` holds `lock`.
public final class PresetPreparer: @unchecked Sendable {
    /// One finished request: its ticket, its path, and the prepared preset or why it could not be prepared.
    public struct Delivery {
        public var ticket: Int
        public var path: String
        public var outcome: Result<PreparedPreset, MilkRendererError>
    }

    private let settings: PreparationSettings
    private let queue = DispatchQueue(label: "aivj.preset-preparer", qos: .userInitiated)
    private let lock = NSLock()
    private var nextTicket = 0
    private var ready: [Delivery] = []
    private var delivered = 0

    public init(settings: PreparationSettings) {
        self.settings = settings
    }

    /// Queues the preset at `path` for preparation and returns its ticket (increasing from 0).
    @discardableResult
    public func request(_ path: String) -> Int {
        lock.lock()
        let ticket = nextTicket
        nextTicket += 1
        lock.unlock()
        let settings = settings
        queue.async { [self] in
            let outcome: Result<PreparedPreset, MilkRendererError>
            do throws(MilkRendererError) {
                outcome = .success(try PreparedPreset.prepare(path: path, settings: settings))
            } catch {
                outcome = .failure(error)
            }
            lock.lock()
            ready.append(Delivery(ticket: ticket, path: path, outcome: outcome))
            lock.unlock()
        }
        return ticket
    }

    /// The oldest finished preparation, or nil at once when none is ready (or the worker is handing one over).
    public func poll() -> Delivery? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        guard !ready.isEmpty else { return nil }
        delivered += 1
        return ready.removeFirst()
    }

    /// How many requests `poll()` has not delivered yet (still being prepared, or ready).
    public var pending: Int {
        lock.lock()
        defer { lock.unlock() }
        return nextTicket - delivered
    }
}
