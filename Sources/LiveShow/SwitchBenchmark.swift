import AudioAnalysis
import CGL
import Coupling
import Foundation
import GraphicsCore
import MilkRenderer
import Selection

/// Frame times of the show around pair changes against ordinary frames: the "no hitch" figure of issue 9.
///
/// The show plays the given pairs with a change every `switchEvery` seconds of show time, live-style
/// (`.whenReady`: the switch waits for the preparer, the render thread never does), every frame finished with
/// `glFinish` as a swap would. A frame counts as *around a change* when it picks the next pair (the presets are
/// requested then), when it switches, or within `settleFrames` after a switch (the new presets' first draws compile
/// their shaders). `Preparation` says where presets are loaded, so the old path can be measured in the same run.
public enum SwitchBenchmark {
    /// Where the presets of the next pair are loaded.
    public enum Preparation: String, Codable, Sendable, CaseIterable {
        /// The path before the show had a worker: each preset parsed, compiled and translated on the render thread
        /// when it is requested, its GL programs compiled there at its first frame.
        case renderThread = "render-thread"
        /// The CPU part on the preparer's worker; GL programs still compiled on the render thread.
        case worker
        /// The CPU part and the GL programs (compiled and drawn once on a shared context) on the worker.
        case workerGL = "worker+gl"
    }

    /// Frames after a switch still counted as around it.
    public static let settleFrames = 3

    /// p50, p99 and max of a set of frame times, in milliseconds.
    public struct Times: Codable, Sendable, Equatable {
        public var frames: Int
        public var p50: Double
        public var p99: Double
        public var max: Double

        init(_ milliseconds: [Double]) {
            let sorted = milliseconds.sorted()
            func quantile(_ q: Double) -> Double {
                sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
            }
            frames = sorted.count
            p50 = quantile(0.5)
            p99 = quantile(0.99)
            max = sorted.last ?? 0
        }
    }

    /// One run's figures.
    public struct Result: Codable, Sendable, Equatable {
        public var preparer: Preparation
        public var switches: Int
        /// The switch frame and the one after (where a preset's first draws land), a subset of `aroundChanges`.
        public var switchFrames: Times
        public var aroundChanges: Times
        public var ordinary: Times
    }

    /// Plays `frames` frames of `pairs` at `width`×`height`, 60 frames per second of show time, and splits the frame
    /// times (wall, `advance` + `glFinish`) into frames around changes and the rest. The first pair's frames up to
    /// the first change are left out (start-up).
    public static func run(pairs: [Pair], width: Int, height: Int, frames: Int, switchEvery: Double,
                           preparation: Preparation, seed: UInt64 = 1) throws -> Result {
        let context = try wrapGraphics { try HeadlessContext() }
        return try withExtendedLifetime(context) {
            var configuration = ShowConfiguration(width: width, height: height, fps: 60, seed: seed,
                                                  coupling: CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 1),
                                                  switching: .whenReady)
            configuration.policy = PairChangePolicy(fixedInterval: switchEvery, transitionSeconds: min(2.5, switchEvery / 2))
            configuration.picker.mode = .random
            let preparer: any PresetPreparing
            switch preparation {
            case .renderThread: preparer = RenderThreadPreparer()
            case .worker: preparer = PairPreparer()
            case .workerGL:
                preparer = PairPreparer(compiler: ShaderCompileWorker(
                    context: try wrapGraphics { try context.makeShared() }, width: width, height: height,
                    meshColumns: configuration.meshColumns, meshRows: configuration.meshRows))
            }
            let show = try Show(pairs: pairs, configuration: configuration, preparer: preparer)
            let clock = ContinuousClock()
            var around: [Double] = [], ordinary: [Double] = [], switching: [Double] = []
            var switches = 0, sinceSwitch = Int.max
            var shown = ""
            for frame in 0..<max(1, frames) {
                let start = clock.now
                try show.advance(audio: .silent(frame: frame, fps: 60), time: Double(frame) / 60)
                glFinish()
                let elapsed = clock.now - start
                let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15
                let picked = !show.takeNewPicks().isEmpty
                let pair = show.status.pairID ?? ""
                if pair != shown {
                    if !shown.isEmpty { switches += 1 }
                    shown = pair
                    sinceSwitch = 0
                } else if sinceSwitch < Int.max {
                    sinceSwitch += 1
                }
                guard switches > 0 || (picked && frame > 0) else { continue }
                if picked || sinceSwitch <= settleFrames { around.append(ms) } else { ordinary.append(ms) }
                if switches > 0, sinceSwitch <= 1 { switching.append(ms) }
            }
            return Result(preparer: preparation, switches: switches, switchFrames: Times(switching),
                          aroundChanges: Times(around), ordinary: Times(ordinary))
        }
    }
}

/// The path before the show had a worker: each preset prepared on the calling (render) thread when requested.
/// Kept for `SwitchBenchmark`'s comparison only.
final class RenderThreadPreparer: PresetPreparing {
    private var next = 0
    private var ready: [Int: PreparedPreset] = [:]

    func request(_ request: PresetRequest) -> Int {
        defer { next += 1 }
        ready[next] = PresetPreparation.prepare(request)
        return next
    }

    func take(_ ticket: Int) -> PreparedPreset? { ready.removeValue(forKey: ticket) }
    func wait(_ ticket: Int) -> PreparedPreset? { ready.removeValue(forKey: ticket) }
    func discard(_ ticket: Int) { ready[ticket] = nil }
}
