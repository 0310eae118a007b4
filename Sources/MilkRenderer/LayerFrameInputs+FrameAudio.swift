import AudioAnalysis

extension LayerFrameInputs {
    /// The layer's view of one analysed audio frame, at `frame / fps`.
    public init(_ audio: FrameAudio, frame: Int, fps: Double) {
        self.init(frame: frame, fps: fps)
        bass = audio.bass
        mid = audio.mid
        treble = audio.treb
        bassAttenuated = audio.bassAtt
        midAttenuated = audio.midAtt
        trebleAttenuated = audio.trebAtt
        volume = audio.vol
        waveformLeft = Self.fitted(audio.waveformLeft, count: Self.waveformSamples)
        waveformRight = Self.fitted(audio.waveformRight, count: Self.waveformSamples)
        spectrumLeft = Self.fitted(audio.spectrumLeft, count: Self.spectrumSamples)
        spectrumRight = Self.fitted(audio.spectrumRight, count: Self.spectrumSamples)
    }

    private static func fitted(_ values: [Float], count: Int) -> [Float] {
        if values.count == count { return values }
        if values.count > count { return Array(values.prefix(count)) }
        return values + Array(repeating: 0, count: count - values.count)
    }
}
