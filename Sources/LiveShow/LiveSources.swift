import AudioInput
import Foundation
import Selection

/// Where `aivj live` finds its pack, library and sound when neither flags nor the config say.
public enum LiveSources {
    /// Debian's projectm-data presets.
    public static let debianLibrary = "/usr/share/projectM/presets"

    /// The configured pack, else the shipped one. A relative default that is missing from the working directory
    /// is looked for above the executable (`.build/release/aivj` in a checkout), so `aivj live` works from anywhere.
    public static func pack(_ configured: String?, executable: String = CommandLine.arguments.first ?? "") -> String {
        if let configured { return configured }
        let name = ShowPack.defaultDirectory
        if FileManager.default.fileExists(atPath: name) { return name }
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return name
    }

    /// The library root to give the pack loader: the configured one; else none when the pack's manifest names its
    /// own `libraryRoot` (the shipped pack does); else Debian's projectm-data when installed.
    public static func library(_ configured: String?, pack: String) -> String? {
        if let configured { return configured }
        let manifest = pack + "/" + PairsManifest.fileName
        if let data = FileManager.default.contents(atPath: manifest),
           let decoded = try? JSONDecoder().decode(PairsManifest.self, from: data), decoded.libraryRoot != nil {
            return nil
        }
        return FileManager.default.fileExists(atPath: debianLibrary) ? debianLibrary : nil
    }

    /// The audio the show plays and a warning line when it is not what was asked for.
    ///
    /// `--audio` (a file, `synth`, `silence`) is used as given. A capture device that cannot be opened is
    /// replaced by the synthetic 128 BPM signal, so the show still moves, with a warning the HUD shows.
    /// The source named by an `--audio` option (synth, silence or a file); a bad one is one error naming it.
    static func audioOption(_ value: String) throws -> any AudioSource {
        do { return try AudioSourceFactory.make(audio: value) } catch {
            throw LiveShowError.badSetting(name: "--audio", value: value, reason: "\(error)")
        }
    }

    public static func audio(_ config: ShowConfig) throws -> (source: any AudioSource, warning: String?) {
        if let audio = config.audio {
            return (try AudioSourceFactory.make(audio: audio), nil)
        }
        let capture = AudioSourceFactory.make(device: config.device)
        if capture.granted != nil { return (capture, nil) }
        var reason = "cannot open it"
        if case let .fallback(message) = capture.status { reason = message }
        capture.stop()
        return (SyntheticAudioSource(seed: 1),
                "no capture device \"\(config.device)\" (\(reason)): playing the synthetic 128 BPM signal")
    }
}
