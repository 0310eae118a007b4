import AudioAnalysis
import Dispatch
import Foundation
import GraphicsCore
import LiveShow
import Selection
import Testing

/// A preparer for tests: a real `PairPreparer` whose work is recorded (which thread ran it) and can be held back
/// (a slow machine), and which counts the show's blocking waits.
final class RecordingPreparer: PresetPreparing, @unchecked Sendable {
    /// What the worker records; shared with it (it may outlive the preparer by a job).
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var threads: [UInt] = []
        var waits = 0
        var held = false
        let release = DispatchSemaphore(value: 0)
    }

    private let state = State()
    private let inner: PairPreparer

    init() {
        let state = state
        inner = PairPreparer { request in
            state.lock.lock()
            state.threads.append(UInt(pthread_self()))
            let hold = state.held
            state.lock.unlock()
            if hold { state.release.wait() }
            return PresetPreparation.prepare(request)
        }
    }

    /// From now on every preparation waits until `letGo` (the first pair has been prepared already).
    func holdBack() {
        state.lock.lock()
        state.held = true
        state.lock.unlock()
    }

    /// Lets every held and future preparation finish.
    func letGo() {
        state.lock.lock()
        state.held = false
        state.lock.unlock()
        for _ in 0..<8 { state.release.signal() }
    }

    /// Threads that ran a preparation, and how many times the show blocked.
    var record: (threads: [UInt], waits: Int) {
        state.lock.lock()
        defer { state.lock.unlock() }
        return (state.threads, state.waits)
    }

    func request(_ request: PresetRequest) -> Int { inner.request(request) }
    func take(_ ticket: Int) -> PreparedPreset? { inner.take(ticket) }
    func discard(_ ticket: Int) { inner.discard(ticket) }
    func wait(_ ticket: Int) -> PreparedPreset? {
        state.lock.lock()
        state.waits += 1
        state.lock.unlock()
        return inner.wait(ticket)
    }
}

@Suite(.serialized)
struct PairPreparerTests {
    static func liveShow(_ preparer: RecordingPreparer) throws -> Show {
        let (pairs, _) = try ShowPack.load(fixturePack)
        var configuration = ShowTests.configuration()
        configuration.switching = .whenReady
        return try Show(pairs: pairs, configuration: configuration, preparer: preparer)
    }

    @Test func aLiveSwitchNeverPreparesOnTheRenderThreadNorWaits() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let preparer = RecordingPreparer()
        let show = try Self.liveShow(preparer)
        let renderThread = UInt(pthread_self())
        var frame = 0
        // Only the first pair may be waited for (there is nothing to play before it).
        try show.advance(audio: .silent(frame: frame, fps: 30), time: 0)
        let waitsAtStart = preparer.record.waits
        #expect(waitsAtStart == 2)
        var changes = 0
        var last = show.status.pairID
        while changes < 2, frame < 600 {
            frame += 1
            try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30)
            if show.status.pairID != last { changes += 1; last = show.status.pairID }
            if changes < 2 { usleep(2000) }
        }
        #expect(changes == 2)
        let (threads, waits) = preparer.record
        #expect(waits == waitsAtStart)
        #expect(threads.count >= 4)
        #expect(!threads.contains(renderThread))
    }

    @Test func aSlowPreparerKeepsTheOldPairPlayingUntilTheNextIsReady() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let preparer = RecordingPreparer()
        let show = try Self.liveShow(preparer)
        try show.advance(audio: .silent(frame: 0, fps: 30), time: 0)
        let first = show.status.pairID
        preparer.holdBack()
        // The change is due at 1 s; two seconds later the held-back pair has still not replaced the first.
        for frame in 1...90 { try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30) }
        #expect(show.status.pairID == first)
        #expect(show.status.fgTransition == nil && show.status.bgTransition == nil)
        let pixels = try show.readOutput()
        #expect(pixels.reduce(0) { $0 + Int($1) } > 0)
        preparer.letGo()
        var frame = 90
        while show.status.pairID == first, frame < 2000 {
            frame += 1
            try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30)
            usleep(1000)
        }
        #expect(show.status.pairID != first)
        #expect(show.status.lastChange == .interval)
        // The change is a MilkDrop blend in each layer whose preset changed.
        #expect(show.status.fgTransition != nil || show.status.bgTransition != nil)
        #expect(preparer.record.waits == 2)
    }

    @Test func theRealPreparerDeliversInTheBackgroundAndDropsDiscardedWork() throws {
        let preparer = PairPreparer()
        let path = fixturePack + "/presets/custom-shape.milk"
        let kept = preparer.request(PresetRequest(path: path, seed: 1, time: 0))
        let dropped = preparer.request(PresetRequest(path: path, seed: 2, time: 0))
        preparer.discard(dropped)
        let prepared = preparer.wait(kept)
        #expect(prepared?.name == "custom-shape")
        #expect(prepared?.warnings.isEmpty == true)
        #expect(preparer.take(kept) == nil)
        #expect(preparer.wait(dropped) == nil)
        let missing = preparer.wait(preparer.request(PresetRequest(path: fixturePack + "/no-such.milk", seed: 1, time: 2)))
        #expect(missing?.warnings.first?.kind == .presetFallback)
    }
}

/// A temporary pack of the project's MilkDrop 2 presets (every pair changes both layers).
func md2Pack() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("presets")
    let pack = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-md2-pack-\(getpid())")
    try? FileManager.default.removeItem(at: pack)
    try FileManager.default.createDirectory(at: pack.appendingPathComponent("presets"), withIntermediateDirectories: true)
    let names = ["md2-blur", "md2-comp-shader", "md2-noise", "md2-warp-shader", "md2-q-vars", "md2-hue-shader"]
    for name in names {
        try FileManager.default.copyItem(at: root.appendingPathComponent(name + ".milk"),
                                         to: pack.appendingPathComponent("presets/" + name + ".milk"))
    }
    let pairs = stride(from: 0, to: names.count, by: 2).map { i in
        "{\"id\":\"\(names[i])\",\"fg\":\"presets/\(names[i]).milk\",\"bg\":\"presets/\(names[i + 1]).milk\",\"warp_diff\":0.1,\"cx_diff\":0}"
    }
    let manifest = "{\"format\":\"aivj-pairs-manifest\",\"formatVersion\":0,\"made\":{\"method\":\"test\",\"tool\":\"test\"},"
        + "\"pairs\":[\(pairs.joined(separator: ","))]}"
    try manifest.write(to: pack.appendingPathComponent("pairs-manifest.v0.json"), atomically: true, encoding: .utf8)
    return pack.path
}

@Suite(.serialized)
struct ShowCompileWorkerTests {
    /// The last picture of 75 frames of the MD2 pack, with the programs compiled on a shared context or not.
    static func run(sharedContext: Bool) throws -> [UInt8] {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (pairs, _) = try ShowPack.load(try md2Pack())
        var configuration = ShowTests.configuration()
        configuration.policy = PairChangePolicy(fixedInterval: 0.8, transitionSeconds: 0.5)
        let show = try Show(pairs: pairs, configuration: configuration,
                            sharedContext: sharedContext ? try context.makeShared() : nil)
        for frame in 0..<75 { try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30) }
        #expect(show.status.warnings.isEmpty)
        return try show.readOutput()
    }

    @Test func programsCompiledOffTheRenderThreadChangeNoPixel() throws {
        let withWorker = try Self.run(sharedContext: true)
        let without = try Self.run(sharedContext: false)
        let same = withWorker == without
        #expect(same)
        #expect(withWorker.reduce(0) { $0 + Int($1) } > 0)
    }
}
