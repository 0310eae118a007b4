import AudioAnalysis
import AudioInput
import Foundation
import Recording
import Testing

/// `aivj live` under Xvfb: a known FG (a green disc on black) over a known BG (a red field).
@Suite(.serialized)
struct LiveCommandTests {
    static let xvfbRun = "/usr/bin/xvfb-run"
    static let pack = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/CommandLine/live-pack").path

    /// Runs `aivj live ARGS` on a fresh Xvfb screen with its own config folder.
    static func live(_ arguments: [String], configHome: String) throws -> AIVJProcess.Result {
        try AIVJProcess.run(["-a", "-s", "-screen 0 640x480x24", AIVJProcess.executable.path, "live"] + arguments,
                            environment: ["XDG_CONFIG_HOME": configHome, "XDG_DATA_HOME": configHome + "/data"],
                            executable: URL(fileURLWithPath: xvfbRun))
    }

    static func writeTrack(to path: String) throws {
        let signal = TestSignal.steady(bpm: 120, seconds: 6)
        let samples = signal.render()
        let writer = try SndfileWriter(path: path, sampleRate: signal.sampleRate, channels: 2, kind: .wav16)
        try writer.write(left: samples.left, right: samples.right)
        try writer.close()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: xvfbRun)))
    func runs300FramesWithAFileAndTheScreenshotShowsBothLayers() throws {
        let directory = try AudioCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wav = directory.appendingPathComponent("track.wav").path
        try Self.writeTrack(to: wav)
        // A broken config file costs one line on stderr, never the show.
        let configHome = directory.appendingPathComponent("config").path
        try FileManager.default.createDirectory(atPath: configHome + "/aivj", withIntermediateDirectories: true)
        try Data("strength = = 1\n".utf8).write(to: URL(fileURLWithPath: configHome + "/aivj/config.toml"))
        let shot = directory.appendingPathComponent("shot.png").path
        let result = try Self.live(["--pack", Self.pack, "--audio", wav, "--size", "160x90", "--frames", "300",
                                    "--screenshot", shot, "--no-hud"], configHome: configHome)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"frames\":300"))
        #expect(result.stdout.contains("\"pairs\":[\"green-over-red\"]"))
        #expect(result.stderr.contains(configHome + "/aivj/config.toml: line 1"))

        let image = try PNGCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: shot))))
        #expect(image.width == 160 && image.height == 90)
        #expect(image.meanLuma > 0.1)
        func pixel(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int) {
            let i = (y * image.width + x) * 3
            return (Int(image.pixels[i]), Int(image.pixels[i + 1]), Int(image.pixels[i + 2]))
        }
        // The FG's disc in the middle, the BG's red where the FG is black (keyed out).
        let centre = pixel(80, 45)
        #expect(centre.g > 150 && centre.r < 100, "centre \(centre)")
        for (x, y) in [(12, 10), (148, 10), (12, 80), (148, 80)] {
            let p = pixel(x, y)
            #expect(p.r > 150 && p.g < 100 && p.b < 100, "(\(x), \(y)) is \(p)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: xvfbRun)))
    func hudDrawsOverTheShowAndNothingIsSavedWithoutALiveChange() throws {
        let directory = try AudioCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let configHome = directory.appendingPathComponent("config").path
        let shot = directory.appendingPathComponent("hud.png").path
        let result = try Self.live(["--pack", Self.pack, "--audio", "synth", "--size", "320x180", "--frames", "20",
                                    "--hud", "--screenshot", shot], configHome: configHome)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"frames\":20"))
        #expect(!FileManager.default.fileExists(atPath: configHome + "/aivj/config.toml"))
        // The HUD's backdrop darkens the red field at the top left, and its text is white.
        let image = try PNGCodec.decode(Array(try Data(contentsOf: URL(fileURLWithPath: shot))))
        #expect(image.pixels[(20 * image.width + 6) * 3] < 200)
        var white = 0
        for y in 0..<70 {
            for x in 0..<100 {
                let i = (y * image.width + x) * 3
                if image.pixels[i] > 180, image.pixels[i + 1] > 180, image.pixels[i + 2] > 180 { white += 1 }
            }
        }
        #expect(white > 10)
        let debug = try Self.live(["--pack", Self.pack, "--audio", "synth", "--size", "160x90", "--frames", "5",
                                   "--hud", "--coupling3d", "debug"], configHome: configHome)
        #expect(debug.status == 0, "stderr: \(debug.stderr)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: xvfbRun)))
    func keysRateThePairAndSaveLiveChangesToTheConfig() throws {
        let directory = try AudioCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let pack = directory.appendingPathComponent("pack").path
        try FileManager.default.copyItem(atPath: Self.pack, toPath: pack)
        let configHome = directory.appendingPathComponent("config").path
        let result = try Self.live(["--pack", pack, "--audio", "synth", "--size", "160x90", "--frames", "12",
                                    "--strength", "0.5", "--keys", "2:4,4:c,6:],8:?,9:h"], configHome: configHome)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let ratings = try String(contentsOfFile: pack + "/ratings.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(ratings.count == 1)
        #expect(ratings.first?.contains("\"pair_id\":\"green-over-red\"") == true)
        #expect(ratings.first?.contains("\"rating\":4") == true)
        #expect(result.stderr.contains("rated green-over-red: 4/5"))
        // The keys' changes are saved; the run's --strength flag is not.
        let config = try String(contentsOfFile: configHome + "/aivj/config.toml", encoding: .utf8)
        #expect(config.contains("mode = \"off\""))
        #expect(config.contains("parallax = 0.7"))
        #expect(config.contains("hud = true"))
        #expect(config.contains("strength = 0.8"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: xvfbRun)))
    func aMissingCaptureDeviceFallsBackToTheSyntheticSignalAndSaysSo() throws {
        let directory = try AudioCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.live(["--pack", Self.pack, "--device", "hw:97", "--size", "160x90", "--frames", "5"],
                                   configHome: directory.path)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("\"audio\":\"synth\""))
        #expect(result.stderr.contains("no capture device \"hw:97\""))
    }

    @Test func badFlagsFailWithOneLine() throws {
        let both = try AIVJProcess.run(["live", "--device", "hw:0", "--audio", "synth", "--frames", "1"])
        #expect(both.status != 0)
        #expect(both.stderr.contains("--device or --audio"))
        let size = try AIVJProcess.run(["live", "--size", "huge", "--frames", "1"],
                                       environment: ["XDG_CONFIG_HOME": "/nonexistent-aivj-config"])
        #expect(size.status != 0)
        #expect(size.stderr.contains("huge"))
    }
}
