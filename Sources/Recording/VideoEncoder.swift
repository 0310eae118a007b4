import Foundation

/// Turns a folder of numbered PNG frames (and optionally an audio file) into an H.264 MP4 with Debian's ffmpeg.
public enum VideoEncoder {
    /// The ffmpeg executable on `PATH`, if there is one.
    public static func ffmpegPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Encodes `directory/frame-%05d.png` at `fps` into `output`, muxing `audio` when given.
    ///
    /// The video is cut to the shorter of the two streams, so a longer audio file does not pad the end with a
    /// frozen frame.
    public static func encode(framesIn directory: String, fps: Double, audio: String?, output: String) throws {
        guard let ffmpeg = ffmpegPath() else {
            throw RecordingError.io(path: output, message: "ffmpeg not found on PATH (install Debian's ffmpeg)")
        }
        var arguments = ["-hide_banner", "-loglevel", "error", "-y",
                         "-framerate", String(fps), "-i", directory + "/frame-%05d.png"]
        if let audio { arguments += ["-i", audio, "-shortest", "-c:a", "aac"] }
        arguments += ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", output]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw RecordingError.io(path: output, message: "cannot start ffmpeg: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RecordingError.io(path: output, message: "ffmpeg exited with status \(process.terminationStatus)")
        }
    }
}
