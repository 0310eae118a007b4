import Foundation
import Recording

/// Pipes raw RGB frames to Debian's ffmpeg, which encodes an H.264 MP4 with the audio muxed in.
///
/// `Recording.VideoEncoder` encodes a folder of PNGs after the fact; a pipe needs no frames on disk and
/// finishes with the recording.
final class VideoPipe {
    let output: String
    private let process: Process
    private let input: Pipe
    private let frameBytes: Int

    /// Starts ffmpeg for `width`×`height` frames at `fps`, muxing `audio` (cut to the shorter stream) when given.
    init(output: String, width: Int, height: Int, fps: Double, audio: String?) throws {
        guard let ffmpeg = VideoEncoder.ffmpegPath() else {
            throw LiveShowError.io(path: output, message: "ffmpeg not found on PATH (install Debian's ffmpeg)")
        }
        self.output = output
        frameBytes = width * height * 3
        var arguments = ["-hide_banner", "-loglevel", "error", "-y",
                         "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", "\(width)x\(height)", "-r", String(fps), "-i", "pipe:0"]
        if let audio { arguments += ["-i", audio, "-shortest", "-c:a", "aac"] }
        // H.264 in 4:2:0 needs even sides.
        arguments += ["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                      "-movflags", "+faststart", output]
        process = Process()
        process.executableURL = URL(fileURLWithPath: ffmpeg)
        process.arguments = arguments
        input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw LiveShowError.io(path: output, message: "cannot start ffmpeg: \(error.localizedDescription)")
        }
    }

    /// Sends one frame (packed RGB, top row first).
    func write(_ pixels: [UInt8]) throws {
        guard pixels.count == frameBytes else {
            throw LiveShowError.io(path: output, message: "frame of \(pixels.count) bytes, expected \(frameBytes)")
        }
        do { try input.fileHandleForWriting.write(contentsOf: Data(pixels)) } catch {
            throw LiveShowError.io(path: output, message: "ffmpeg stopped reading frames")
        }
    }

    /// Closes the pipe and waits for ffmpeg to finish the file.
    func finish() throws {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LiveShowError.io(path: output, message: "ffmpeg exited with status \(process.terminationStatus)")
        }
    }
}
