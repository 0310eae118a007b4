import AudioAnalysis

/// A source plus the analyser: the one object a render loop asks for each frame's `FrameAudio`.
public final class AudioFeed {
    public let source: any AudioSource
    public let fps: Double
    private let analyzer: AudioAnalyzer
    private var frame = 0

    public init(source: any AudioSource, fps: Double) throws(AudioAnalysisError) {
        self.source = source
        self.fps = fps
        analyzer = try AudioAnalyzer(sampleRate: source.sampleRate, fps: fps)
    }

    /// Reads and analyses the next frame; a source error becomes a silent fallback frame.
    public func next() -> FrameAudio {
        defer { frame += 1 }
        let block: AudioBlock
        do {
            block = try source.block(forFrame: frame, fps: fps)
        } catch {
            let n = FrameSampleRange.range(frame: frame, sampleRate: source.sampleRate, fps: fps).count
            block = .silence(n, fallback: true)
        }
        return analyzer.analyze(left: block.left, right: block.right, fallback: block.fallback)
    }
}
