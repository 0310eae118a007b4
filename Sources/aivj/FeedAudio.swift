import AudioInput
import MilkRenderer

/// Feeds a layer from `--audio silence|synth|FILE`: AudioInput's exact per-frame samples, analysed.
struct FeedAudio: FrameAudioSource {
    let feed: AudioFeed

    /// Opens the source named on the command line.
    init(audio: String, fps: Double) throws {
        feed = try AudioFeed(source: AudioSourceFactory.make(audio: audio), fps: fps)
    }

    /// Captures live from an ALSA device (silence, flagged, while it is unusable).
    init(device: String, fps: Double) throws {
        feed = try AudioFeed(source: AudioSourceFactory.make(device: device), fps: fps)
    }

    func inputs(frame: Int, fps: Double) throws -> LayerFrameInputs {
        LayerFrameInputs(feed.next(), frame: frame, fps: fps)
    }
}
