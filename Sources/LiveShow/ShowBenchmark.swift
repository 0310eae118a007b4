import AudioAnalysis
import AudioInput
import CGL
import Coupling
import Foundation
import GraphicsCore
import MilkRenderer
import Selection

/// Speed of the whole show: two layers and the 3D compositor, against projectM's single layer on the same presets.
public enum ShowBenchmark {
    /// The pairs measured: projectm-ref's six bench presets, two by two (FG, BG), relative to the Debian folder.
    public static var referencePairs: [(fg: String, bg: String)] {
        let presets = RenderBenchmark.referencePresets
        return stride(from: 0, to: presets.count - 1, by: 2).map { (presets[$0], presets[$0 + 1]) }
    }

    /// One pair's figures.
    public struct PairSpeed: Codable, Sendable, Equatable {
        public var fg: String
        public var bg: String
        public var width: Int
        public var height: Int
        /// The BG layer's internal scale of the main figure (`ShowConfiguration.backgroundScale`).
        public var backgroundScale: Double
        /// Our frames per second: both layers and the compositor, the BG at `backgroundScale`.
        public var fps: Double
        /// Processor milliseconds per frame of that run (every thread).
        public var cpuMilliseconds: Double
        /// The same with the BG at full size (nil when `backgroundScale` is 1: the main figure is that).
        public var fullBackgroundFPS: Double?
        public var fullBackgroundCPUMilliseconds: Double?
        /// projectM 3.1.12's single-layer frames per second on each preset (nil when it did not run).
        public var referenceFG: Double?
        public var referenceBG: Double?

        public init(fg: String, bg: String, width: Int, height: Int, backgroundScale: Double, fps: Double,
                    cpuMilliseconds: Double, fullBackgroundFPS: Double? = nil, fullBackgroundCPUMilliseconds: Double? = nil,
                    referenceFG: Double?, referenceBG: Double?) {
            self.fg = fg
            self.bg = bg
            self.width = width
            self.height = height
            self.backgroundScale = backgroundScale
            self.fps = fps
            self.cpuMilliseconds = cpuMilliseconds
            self.fullBackgroundFPS = fullBackgroundFPS
            self.fullBackgroundCPUMilliseconds = fullBackgroundCPUMilliseconds
            self.referenceFG = referenceFG
            self.referenceBG = referenceBG
        }

        /// projectM's single-layer speed over the pair's two presets: the harmonic mean, i.e. frames per second
        /// when it renders half the frames with each.
        public var referenceFPS: Double? {
            guard let a = referenceFG, let b = referenceBG, a > 0, b > 0 else { return nil }
            return 2 / (1 / a + 1 / b)
        }

        /// Ours over projectM's (≥ 1: two coupled layers at least as fast as one projectM layer).
        public var ratio: Double? { referenceFPS.map { fps / $0 } }
        /// The same with our BG at full size.
        public var fullBackgroundRatio: Double? {
            guard let full = fullBackgroundFPS, let reference = referenceFPS else { return nil }
            return full / reference
        }
    }

    /// Measures one pair (`fg`, `bg` relative to `folder`): the show with the BG at `backgroundScale`, then (when
    /// that is below 1) with the BG at full size, then projectm-ref on each preset (`reference`, skipped when nil),
    /// all in this run. With `repeats` above 1 the runs take turns that many times and each figure is the median of
    /// its turns (with `best`, the fastest turn: the least disturbed by other work on a shared machine), so a burst
    /// of load falls on both sides of the ratio. Both renderers hear `audio` (silence, synth or a WAV file).
    public static func measurePair(folder: String, fg fgName: String, bg bgName: String, width: Int, height: Int,
                                   frames: Int, coupling: CouplingParameters, backgroundScale: Double,
                                   reference: String?, repeats: Int = 1, best: Bool = false,
                                   audio: String = "silence", compositesForeground: Bool = true) throws -> PairSpeed {
        let (fg, bg) = (folder + "/" + fgName, folder + "/" + bgName)
        var mains: [Run] = [], fulls: [Run] = [], theirFG: [Double] = [], theirBG: [Double] = []
        func theirs(_ file: String) -> Double? {
            reference.flatMap { RenderBenchmark.measureReference(tool: $0, preset: file, width: width, height: height, frames: frames,
                                                              audio: audio) }
        }
        for _ in 0..<max(1, repeats) {
            mains.append(try run(fg: fg, bg: bg, width: width, height: height, frames: frames, coupling: coupling,
                                 backgroundScale: backgroundScale, profile: false, audio: audio,
                                 compositesForeground: compositesForeground))
            if backgroundScale < 1 {
                fulls.append(try run(fg: fg, bg: bg, width: width, height: height, frames: frames, coupling: coupling,
                                     backgroundScale: 1, profile: false, audio: audio,
                                     compositesForeground: compositesForeground))
            }
            if let fps = theirs(fg) { theirFG.append(fps) }
            if let fps = theirs(bg) { theirBG.append(fps) }
        }
        // Frames per second: the median or the highest; processor time: the median or the lowest.
        func fps(_ values: [Double]) -> Double? { RenderBenchmark.fps(values, best: best) }
        func cpu(_ values: [Double]) -> Double? { best ? values.min() : RenderBenchmark.median(values) }
        return PairSpeed(fg: fgName, bg: bgName, width: width, height: height, backgroundScale: backgroundScale,
                         fps: fps(mains.map(\.fps)) ?? 0, cpuMilliseconds: cpu(mains.map(\.cpuMilliseconds)) ?? 0,
                         fullBackgroundFPS: fps(fulls.map(\.fps)),
                         fullBackgroundCPUMilliseconds: cpu(fulls.map(\.cpuMilliseconds)),
                         referenceFG: fps(theirFG), referenceBG: fps(theirBG))
    }

    /// One measured run: frames per second, and with `profile` the milliseconds per frame of each stage.
    public struct Run: Sendable {
        public var fps: Double
        /// Processor time of the whole process (every llvmpipe thread too) per frame, in milliseconds: on a loaded
        /// machine a steadier measure of the work than wall time.
        public var cpuMilliseconds: Double
        public var stages: [(stage: String, ms: Double, cpuMs: Double)]
    }

    /// Renders `frames` frames of the show on the pair (`fg`, `bg`) with silence, no pair change, and the
    /// coupling fully on; returns frames per second of the render loop (one glFinish at the end).
    public static func measure(fg: String, bg: String, width: Int, height: Int, frames: Int,
                               coupling: CouplingParameters = CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 1),
                               backgroundScale: Double = ShowConfiguration.defaultBackgroundScale) throws -> Double {
        try run(fg: fg, bg: bg, width: width, height: height, frames: frames, coupling: coupling,
                backgroundScale: backgroundScale, profile: false).fps
    }

    /// As `measure`, hearing `audio` (silence, synth or a WAV file, analysed as the live show analyses it: the focus
    /// follows the music); with `profile` every stage ends in a glFinish and is timed (so fps is then a little lower).
    /// `compositesForeground` false draws a sharp MilkDrop 1 FG's composite in its layer (`Show.compositesForeground`).
    public static func run(fg: String, bg: String, width: Int, height: Int, frames: Int, coupling: CouplingParameters,
                           backgroundScale: Double = ShowConfiguration.defaultBackgroundScale, profile: Bool,
                           audio: String = "silence", compositesForeground: Bool = true) throws -> Run {
        let feed = try audioFeed(audio)
        func sound(_ frame: Int) -> FrameAudio { feed?.next() ?? .silent(frame: frame, fps: 60) }
        let context = try wrapGraphics { try HeadlessContext() }
        return try withExtendedLifetime(context) {
            let pair = Pair(id: "bench", fg: fg, bg: bg, warpDiff: 0, cxDiff: 0)
            var configuration = ShowConfiguration(width: width, height: height, fps: 60, seed: 1, coupling: coupling,
                                                  backgroundScale: backgroundScale)
            configuration.policy = PairChangePolicy(minimumDwell: 1e9, maximumDwell: 1e9)
            let show = try Show(pairs: [pair], configuration: configuration)
            show.profile = StageProfile(enabled: profile)
            show.compositesForeground = compositesForeground
            // The first frame builds both layers; it is not timed (projectm-ref leaves its initialisation out too).
            try show.advance(audio: sound(0), time: 0)
            glFinish()
            show.profile.reset()
            let cpuStart = StageProfile.processorTime()
            let clock = ContinuousClock()
            let start = clock.now
            for frame in 1...max(1, frames) {
                try show.advance(audio: sound(frame), time: Double(frame) / 60)
            }
            glFinish()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let cpu = (StageProfile.processorTime() - cpuStart) * 1000 / Double(max(1, frames))
            return Run(fps: seconds > 0 ? Double(max(1, frames)) / seconds : 0, cpuMilliseconds: cpu,
                       stages: show.profile.millisecondsPerFrame)
        }
    }

    /// One layer alone on `preset`, drawn as the show draws each of its layers (same preparation, driver and
    /// `MilkLayer`), with the same frames and `audio`: the baseline that tells what the second layer and the
    /// compositor add.
    public static func singleLayer(preset: String, width: Int, height: Int, frames: Int, audio: String = "silence") throws -> Run {
        let feed = try audioFeed(audio)
        let context = try wrapGraphics { try HeadlessContext() }
        return try withExtendedLifetime(context) {
            var driver = try MilkRenderer.PreparedPreset.prepare(path: preset, settings: PreparationSettings(seed: 1)).driver
            let layer = try wrapGraphics { try MilkLayer(width: width, height: height, seed: 1) }
            func frame(_ index: Int) throws {
                let inputs = LayerFrameInputs(feed?.next() ?? .silent(frame: index, fps: 60), frame: index, fps: 60)
                let (parameters, field) = driver.frame(inputs, mesh: layer.mesh)
                try wrapGraphics { try layer.render(parameters, inputs: inputs, warpField: field) }
            }
            try frame(0)
            glFinish()
            let cpuStart = StageProfile.processorTime()
            let clock = ContinuousClock()
            let start = clock.now
            for index in 1...max(1, frames) { try frame(index) }
            glFinish()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let cpu = (StageProfile.processorTime() - cpuStart) * 1000 / Double(max(1, frames))
            return Run(fps: seconds > 0 ? Double(max(1, frames)) / seconds : 0, cpuMilliseconds: cpu, stages: [])
        }
    }

    /// The analysed audio of a run: nil for silence (each frame `FrameAudio.silent`, as before the option), else
    /// the synthetic signal or a WAV file from its first frame.
    static func audioFeed(_ audio: String) throws -> AudioFeed? {
        guard audio != "silence" else { return nil }
        let source = try LiveSources.audioOption(audio)
        do {
            return try AudioFeed(source: source, fps: 60)
        } catch {
            throw LiveShowError.badSetting(name: "--audio", value: audio, reason: "\(error)")
        }
    }
}
