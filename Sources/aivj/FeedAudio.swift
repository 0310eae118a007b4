import AudioAnalysis
import AudioInput
import MilkRenderer

/// Feeds a layer from `--audio silence|synth|FILE`: AudioInput's exact per-frame samples, analysed.
struct FeedAudio: FrameAudioSource {
    let feed: AudioFeed
    /// projectM 3.1.12's levels and waveform instead of MilkDrop's (`--compat projectm`).
    private var projectM: ProjectMBeatDetect?
    private let analyzer: AudioAnalyzer?

    /// Opens the source named on the command line.
    init(audio: String, fps: Double, compatibility: RenderCompatibility = .milkdrop) throws {
        feed = try AudioFeed(source: AudioSourceFactory.make(audio: audio), fps: fps)
        if compatibility == .projectM3 {
            projectM = ProjectMBeatDetect()
            analyzer = try AudioAnalyzer(sampleRate: feed.source.sampleRate, fps: fps)
        } else {
            analyzer = nil
        }
    }

    /// Captures live from an ALSA device (silence, flagged, while it is unusable).
    init(device: String, fps: Double) throws {
        feed = try AudioFeed(source: AudioSourceFactory.make(device: device), fps: fps)
        analyzer = nil
    }

    mutating func inputs(frame: Int, fps: Double) throws -> LayerFrameInputs {
        guard var projectM, let analyzer else { return LayerFrameInputs(feed.next(), frame: frame, fps: fps) }
        let block = (try? feed.source.block(forFrame: frame, fps: fps))
            ?? .silence(FrameSampleRange.range(frame: frame, sampleRate: feed.source.sampleRate, fps: fps).count)
        var inputs = LayerFrameInputs(analyzer.analyze(left: block.left, right: block.right), frame: frame, fps: fps)
        projectM.update(left: block.left, right: block.right)
        projectM.apply(to: &inputs, left: block.left, right: block.right)
        (inputs.frame, inputs.time) = RenderCompatibility.projectMClock(frame: frame, fps: fps)
        self.projectM = projectM
        return inputs
    }
}
