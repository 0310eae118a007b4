/// Builds a source from the command-line spellings shared by `render`, `play` and `analyze`:
/// `silence`, `synth` (or `synth:SEED`), a file path, or a capture device.
public enum AudioSourceFactory {
    /// `--audio VALUE`: `silence`, `synth`, `synth:SEED`, or an audio file path.
    public static func make(audio value: String, sampleRate: Int = 44100) throws(AudioInputError) -> any AudioSource {
        switch value {
        case "silence":
            return SyntheticAudioSource(silenceAt: sampleRate)
        case "synth":
            return SyntheticAudioSource(seed: 1)
        case _ where value.hasPrefix("synth:"):
            guard let seed = UInt64(value.dropFirst("synth:".count)) else {
                throw .invalidParameter(name: "--audio", value: value, reason: "synth:SEED needs an unsigned integer seed")
            }
            return SyntheticAudioSource(seed: seed)
        default:
            return try FileAudioSource(path: value)
        }
    }

    /// `--device NAME`: live ALSA capture (falls back to flagged silence if the device is unusable).
    public static func make(device name: String, sampleRate: Int = 48000) -> ALSACaptureSource {
        var request = CaptureRequest()
        request.sampleRate = sampleRate
        return ALSACaptureSource(device: name, request: request)
    }
}
