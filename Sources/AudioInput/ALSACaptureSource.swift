import CALSA
import Dispatch
import Foundation
import Synchronization

/// Live capture from an ALSA PCM on its own thread, handed to the render loop through a lock-free ring.
///
/// A device that is missing, busy or lost mid-session never stops the caller: `status` becomes
/// `.fallback(message:)`, frames are silence flagged `fallback`, and the capture thread tries to
/// reopen the device every `retryInterval` seconds.
public final class ALSACaptureSource: AudioSource {
    public let name: String
    public let sampleRate: Int
    /// What the device granted on the first successful open (nil if it never opened).
    public let granted: GrantedFormat?
    private let worker: CaptureWorker
    private var scratch: [Float] = []

    /// The negotiated capture format.
    public struct GrantedFormat: Sendable, Equatable, CustomStringConvertible {
        public var format: ALSASampleFormat, sampleRate: Int, channels: Int, periodFrames: Int, bufferFrames: Int
        public var description: String {
            "\(format.rawValue) \(sampleRate) Hz \(channels) ch, period \(periodFrames), buffer \(bufferFrames)"
        }
    }

    /// Opens `device` (or falls back to silence with a message) and starts the capture thread.
    /// - Parameters: ringSeconds: how much audio the ring holds before dropping; retryInterval:
    ///   seconds between reconnection attempts.
    public init(device: String, request: CaptureRequest = .init(), configuration: ALSAConfiguration? = nil,
                ringSeconds: Double = 2, retryInterval: Double = 1) {
        name = device
        var first: ALSAPCM?
        var message: String?
        do {
            first = try ALSAPCM(device: device, request: request, configuration: configuration)
        } catch {
            message = error.description
        }
        sampleRate = first?.sampleRate ?? request.sampleRate
        granted = first.map {
            GrantedFormat(format: $0.format, sampleRate: $0.sampleRate, channels: $0.channels,
                          periodFrames: $0.periodFrames, bufferFrames: $0.bufferFrames)
        }
        let ring = SPSCRingBuffer(capacity: max(4096, Int(ringSeconds * Double(sampleRate)) * 2))
        worker = CaptureWorker(device: device, request: request, configuration: configuration, ring: ring,
                               sampleRate: sampleRate, retryInterval: retryInterval, message: message)
        worker.start(with: first)
    }

    deinit {
        worker.stop()
    }

    /// Stops the capture thread and closes the device (also done on deinit).
    public func stop() { worker.stop() }

    public var status: AudioSourceStatus {
        if let m = worker.message, !worker.connected { return .fallback(message: m) }
        return .running
    }

    /// Overruns/suspends recovered, successful reconnections, and samples dropped by a full ring.
    public var xruns: Int { worker.xruns.load(ordering: .relaxed) }
    public var reconnections: Int { worker.reconnections.load(ordering: .relaxed) }
    public var droppedSamples: Int { worker.ring.dropped }
    /// Stereo frames waiting in the ring.
    public var availableFrames: Int { worker.ring.available / 2 }
    /// When the capture thread last published a period (DispatchTime uptime ns) and how many frames it had published then.
    public var lastPublish: (frames: Int, uptimeNanos: UInt64) {
        (worker.publishedFrames.load(ordering: .acquiring), worker.publishNanos.load(ordering: .acquiring))
    }

    /// Makes the capture thread's device fail on its next read, as if it had been unplugged (tests).
    func simulateDeviceLoss() { worker.lossRequested.store(true, ordering: .releasing) }

    /// Everything captured since the last call (never waits); silence flagged `fallback` when the device is gone.
    public func block(forFrame index: Int, fps: Double) throws(AudioInputError) -> AudioBlock {
        if !worker.connected {
            let n = FrameSampleRange.range(frame: index, sampleRate: sampleRate, fps: fps).count
            return .silence(n, fallback: true)
        }
        return take(frames: worker.ring.available / 2)
    }

    /// Waits (polling) until `frames` frames are captured, then returns exactly those; nil on timeout.
    public func read(frames: Int, timeout: Double) -> AudioBlock? {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while worker.ring.available / 2 < frames {
            if DispatchTime.now().uptimeNanoseconds > deadline { return nil }
            usleep(200)
        }
        return take(frames: frames)
    }

    private func take(frames: Int) -> AudioBlock {
        if scratch.count < frames * 2 { scratch = [Float](repeating: 0, count: frames * 2) }
        let got = scratch.withUnsafeMutableBufferPointer { buffer in
            worker.ring.read(into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(frames * 2)]), granule: 2)
        } / 2
        var l = [Float](repeating: 0, count: got), r = l
        for i in 0..<got {
            l[i] = scratch[2 * i]
            r[i] = scratch[2 * i + 1]
        }
        return AudioBlock(left: l, right: r)
    }
}

/// The capture thread's state. `@unchecked Sendable`: `pcm`, `configuration` and `request` are used
/// only by the capture thread once it has started (the initial open happens before `start`);
/// everything the caller reads is an atomic or behind a mutex.
final class CaptureWorker: @unchecked Sendable {
    let device: String
    let request: CaptureRequest
    let configuration: ALSAConfiguration?
    let ring: SPSCRingBuffer
    let sampleRate: Int
    let retryInterval: Double
    let xruns = Atomic<Int>(0)
    let reconnections = Atomic<Int>(0)
    let publishedFrames = Atomic<Int>(0)
    let publishNanos = Atomic<UInt64>(0)
    let lossRequested = Atomic<Bool>(false)
    private let isConnected = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private let lastMessage: Mutex<String?>
    private let finished = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)
    private var pcm: ALSAPCM?

    init(device: String, request: CaptureRequest, configuration: ALSAConfiguration?, ring: SPSCRingBuffer,
         sampleRate: Int, retryInterval: Double, message: String?) {
        self.device = device
        self.request = request
        self.configuration = configuration
        self.ring = ring
        self.sampleRate = sampleRate
        self.retryInterval = retryInterval
        lastMessage = Mutex(message)
    }

    var connected: Bool { isConnected.load(ordering: .acquiring) }
    var message: String? { lastMessage.withLock { $0 } }

    func start(with first: ALSAPCM?) {
        pcm = first
        isConnected.store(first != nil, ordering: .releasing)
        started.store(true, ordering: .releasing)
        let thread = Thread { [self] in run() }
        thread.name = "aivj-capture"
        thread.start()
    }

    /// Asks the thread to finish and waits for it (at most one wait timeout, 100 ms, plus a read).
    func stop() {
        guard started.load(ordering: .acquiring), !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    private func run() {
        // libasound logs read-time trouble to stderr itself; on this thread, silence it: problems are
        // reported once through `message`.
        _ = snd_lib_error_set_local { _, _, _, _, _, _ in }
        var buffer = [Float](repeating: 0, count: 2 * (pcm?.periodFrames ?? 512))
        var nextRetry = 0.0
        var clockStart: (nanos: UInt64, frames: Int)?
        while !stopping.load(ordering: .acquiring) {
            let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            guard let pcm else {
                if now < nextRetry { usleep(20_000); continue }
                nextRetry = now + retryInterval
                if let reopened = reopen() {
                    self.pcm = reopened
                    buffer = [Float](repeating: 0, count: 2 * reopened.periodFrames)
                    clockStart = nil
                    reconnections.add(1, ordering: .relaxed)
                    isConnected.store(true, ordering: .releasing)
                }
                continue
            }
            if lossRequested.exchange(false, ordering: .acquiringAndReleasing) { pcm.dropStream() }
            let result = buffer.withUnsafeMutableBufferPointer { pcm.readPeriod(into: $0, timeoutMs: 100) }
            switch result {
            case let .frames(n):
                let total = publishedFrames.load(ordering: .relaxed) + n
                // A paced clock-less PCM delivers the period when a real device would have.
                if request.paceToRealTime {
                    clockStart = pace(clockStart, frames: total)
                } else if !request.unthrottled {
                    clockStart = limitToRealTime(clockStart, frames: total, slack: pcm.bufferFrames, period: pcm.periodFrames)
                }
                _ = buffer.withUnsafeBufferPointer { ring.write(UnsafeBufferPointer(rebasing: $0[0..<(2 * n)]), granule: 2) }
                publishNanos.store(DispatchTime.now().uptimeNanoseconds, ordering: .releasing)
                publishedFrames.store(total, ordering: .releasing)
                if n == 0 { usleep(1000) }
            case .timeout:
                continue
            case .recovered:
                xruns.add(1, ordering: .relaxed)
            case let .failed(error):
                lastMessage.withLock { $0 = "capture lost: \(error.description); retrying" }
                isConnected.store(false, ordering: .releasing)
                self.pcm = nil
                nextRetry = now + retryInterval
            }
        }
        pcm = nil
        finished.signal()
    }

    /// For clock-less PCMs (the `file`/`null` test path): sleeps so frames arrive at the sample rate.
    private func pace(_ start: (nanos: UInt64, frames: Int)?, frames: Int) -> (nanos: UInt64, frames: Int) {
        guard let start else { return (DispatchTime.now().uptimeNanoseconds, frames) }
        let due = start.nanos + UInt64(Double(frames - start.frames) / Double(sampleRate) * 1e9)
        let now = DispatchTime.now().uptimeNanoseconds
        if due > now { usleep(UInt32((due - now) / 1000)) }
        return start
    }

    /// Keeps the published frames within `slack` (the device's buffer) of the wall clock.
    ///
    /// A PCM with no clock of its own (`null`, the `file` plugin) returns every read at once, so without this the
    /// thread would spin a core and overflow the ring. When ahead, it sleeps for the excess (at most one period)
    /// and then re-anchors the clock at `slack` ahead, so a real device whose clock runs slightly fast is never
    /// held back into overruns: only a device that delivers far faster than real time is slowed down.
    private func limitToRealTime(_ start: (nanos: UInt64, frames: Int)?, frames: Int, slack: Int, period: Int) -> (nanos: UInt64, frames: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard let start else { return (now, frames) }
        let elapsed = Double(now &- start.nanos) / 1e9
        let ahead = frames - start.frames - slack - Int(elapsed * Double(sampleRate))
        guard ahead > 0 else { return start }
        usleep(UInt32(Double(min(ahead, period)) / Double(sampleRate) * 1e6))
        return (DispatchTime.now().uptimeNanoseconds, frames - slack)
    }

    private func reopen() -> ALSAPCM? {
        do {
            let p = try ALSAPCM(device: device, request: request, configuration: configuration)
            guard p.sampleRate == sampleRate else {
                lastMessage.withLock { $0 = "ALSA device '\(device)' came back at \(p.sampleRate) Hz, expected \(sampleRate) Hz; retrying" }
                return nil
            }
            lastMessage.withLock { $0 = nil }
            return p
        } catch {
            lastMessage.withLock { $0 = "\(error.description); retrying every \(Int(retryInterval)) s" }
            return nil
        }
    }
}
