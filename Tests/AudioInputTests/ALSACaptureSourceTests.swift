import AudioAnalysis
import Foundation
import Testing
@testable import AudioInput

@Suite struct ALSACaptureSourceTests {
    /// A real capture through libasound: ALSA's `file` plugin (`infile`) on a `null` slave, defined in a
    /// test-local configuration, plays a known signal into the capture source; every feature must match
    /// what the file path computes for the same samples.
    @Test func filePCMCaptureMatchesTheFilePath() throws {
        let dir = try ScratchDirectory("capture")
        defer { dir.cleanUp() }
        let signal = TestSignal.steady(bpm: 120, seconds: 6, noise: 0.01, seed: 21)
        let (l, r) = signal.render()
        let raw = dir.file("signal.raw"), wav = dir.file("signal.wav")
        for (path, kind) in [(raw, SndfileWriter.Kind.rawFloat), (wav, .wavFloat)] {
            let w = try SndfileWriter(path: path, sampleRate: 44100, channels: 2, kind: kind)
            try w.write(left: l, right: r)
            try w.close()
        }
        var request = CaptureRequest()
        request.sampleRate = 44100
        request.formats = [.float32]
        request.unthrottled = true
        let config = try ALSAConfiguration.fileCapture(name: "aivjtest", rawPath: raw)
        let capture = ALSACaptureSource(device: "aivjtest", request: request, configuration: config, ringSeconds: 8)
        defer { capture.stop() }
        #expect(capture.status == .running)
        let granted = try #require(capture.granted)
        #expect(granted.sampleRate == 44100 && granted.format == .float32 && granted.channels == 2)

        let file = try FileAudioSource(path: wav)
        let fromFile = try AudioAnalyzer(sampleRate: 44100, fps: 60)
        let fromALSA = try AudioAnalyzer(sampleRate: 44100, fps: 60)
        let frames = Int(signal.duration * 60) - 1
        var maxDiff: Float = 0, beatsFile = 0, beatsALSA = 0
        for i in 0..<frames {
            let a = try file.block(forFrame: i, fps: 60)
            let b = try #require(capture.read(frames: a.left.count, timeout: 5))
            let fa = fromFile.analyze(left: a.left, right: a.right)
            let fb = fromALSA.analyze(left: b.left, right: b.right)
            for (x, y) in [(fa.bass, fb.bass), (fa.mid, fb.mid), (fa.treb, fb.treb), (fa.bassAtt, fb.bassAtt),
                           (fa.energy01, fb.energy01), (fa.accent01, fb.accent01), (fa.intensity01, fb.intensity01),
                           (fa.beatPulse01, fb.beatPulse01)] {
                maxDiff = max(maxDiff, abs(x - y))
            }
            beatsFile += fa.beats.count
            beatsALSA += fb.beats.count
        }
        #expect(maxDiff < 1e-3)
        #expect(beatsFile == beatsALSA && beatsFile > 6)
        #expect(capture.xruns == 0)
    }

    @Test func missingDeviceFallsBackToFlaggedSilence() throws {
        let capture = ALSACaptureSource(device: "hw:CARD=NoSuchCard,DEV=0", retryInterval: 0.05)
        defer { capture.stop() }
        guard case let .fallback(message) = capture.status else {
            Issue.record("expected a fallback status")
            return
        }
        #expect(message.contains("NoSuchCard"))
        let block = try capture.block(forFrame: 0, fps: 60)
        #expect(block.fallback && block.left.count == 800 && block.left.allSatisfy { $0 == 0 })
        // Reconnection attempts keep failing quietly.
        usleep(200_000)
        #expect(capture.reconnections == 0)
        if case .fallback = capture.status {} else { Issue.record("status should stay fallback") }
    }

    @Test func openingAMissingPCMThrowsAClearError() {
        #expect(throws: AudioInputError.self) { try ALSAPCM(device: "no_such_pcm_aivj") }
        do {
            _ = try ALSAPCM(device: "no_such_pcm_aivj")
        } catch {
            #expect(error.description.contains("no_such_pcm_aivj"))
        }
    }

    @Test func listsPCMs() throws {
        let devices = try ALSADevices.captureDevices()
        // Every system configuration defines at least "null" and "default".
        #expect(devices.contains { $0.name == "null" || $0.name == "default" })
    }

    @Test func opensTheNullPCM() throws {
        let pcm = try ALSAPCM(device: "null")
        #expect(pcm.periodFrames > 0 && pcm.channels >= 1 && pcm.sampleRate > 0)
    }

    @Test func badConfigurationIsReported() {
        #expect(throws: AudioInputError.self) { try ALSAConfiguration(text: "pcm.x { type ") }
    }
}

extension ALSACaptureSourceTests {
    /// The device is missing at start (its `infile` does not exist, so libasound refuses to open it),
    /// then appears: the source goes from flagged silence to real capture by itself.
    @Test func reconnectsWhenTheDeviceAppears() throws {
        let dir = try ScratchDirectory("reconnect")
        defer { dir.cleanUp() }
        let raw = dir.file("late.raw")
        var request = CaptureRequest()
        request.sampleRate = 44100
        request.formats = [.float32]
        let config = try ALSAConfiguration.fileCapture(name: "aivjlate", rawPath: raw)
        let capture = ALSACaptureSource(device: "aivjlate", request: request, configuration: config, retryInterval: 0.05)
        defer { capture.stop() }
        guard case .fallback = capture.status else {
            Issue.record("expected fallback while the infile is missing")
            return
        }
        #expect(try capture.block(forFrame: 0, fps: 60).fallback)

        let tone = (0..<44100).map { Float(sin(Double($0) * 0.05)) * 0.5 }
        let w = try SndfileWriter(path: raw, sampleRate: 44100, channels: 2, kind: .rawFloat)
        try w.write(left: tone, right: tone)
        try w.close()
        let block = try #require(capture.read(frames: 4410, timeout: 10))
        #expect(capture.status == .running && capture.reconnections == 1)
        #expect(!block.fallback && block.left.count == 4410)
        #expect(zip(block.left, tone).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}

extension ALSACaptureSourceTests {
    /// Mid-session loss: the real PCM is stopped under the capture thread (`snd_pcm_drop`, so the
    /// next `snd_pcm_wait`/`snd_pcm_readi` fails as for an unplugged device). The source reports it,
    /// serves flagged silence, reopens the device by itself and captures again.
    @Test func deviceLostMidSessionFallsBackThenReconnects() throws {
        let dir = try ScratchDirectory("loss")
        defer { dir.cleanUp() }
        let raw = dir.file("tone.raw")
        let tone = (0..<(44100 * 4)).map { Float(sin(Double($0) * 0.03)) * 0.5 }
        let w = try SndfileWriter(path: raw, sampleRate: 44100, channels: 2, kind: .rawFloat)
        try w.write(left: tone, right: tone)
        try w.close()
        var request = CaptureRequest()
        request.sampleRate = 44100
        request.formats = [.float32]
        request.paceToRealTime = true
        let config = try ALSAConfiguration.fileCapture(name: "aivjloss", rawPath: raw)
        let capture = ALSACaptureSource(device: "aivjloss", request: request, configuration: config, retryInterval: 0.5)
        defer { capture.stop() }
        #expect(try #require(capture.read(frames: 1024, timeout: 5)).left.count == 1024)

        capture.simulateDeviceLoss()
        var fallbackMessage: String?
        var sawFallbackBlock = false
        // Poll until the capture thread has reconnected (bounded, not timed: 10 s is only a safety net).
        let deadline = Date().addingTimeInterval(10)
        var frame = 0
        while capture.reconnections == 0, Date() < deadline {
            if case let .fallback(m) = capture.status { fallbackMessage = m }
            if try capture.block(forFrame: frame, fps: 60).fallback { sawFallbackBlock = true }
            frame += 1
            usleep(2_000)
        }
        #expect(fallbackMessage?.contains("aivjloss") == true)
        #expect(sawFallbackBlock)
        #expect(capture.reconnections == 1)
        // Capturing again after the reconnection.
        let again = try #require(capture.read(frames: 1024, timeout: 5))
        #expect(!again.fallback && again.left.contains { $0 != 0 })
    }
}

extension ALSACaptureSourceTests {
    @Test func openErrorsAreClassified() {
        #expect(ALSAPCM.openError(device: "hw:1,0", code: -EBUSY) == .deviceBusy(device: "hw:1,0"))
        #expect(ALSAPCM.openError(device: "hw:1,0", code: -EBUSY).description.contains("busy"))
        if case .deviceMissing = ALSAPCM.openError(device: "x", code: -ENOENT) {} else { Issue.record("ENOENT is missing") }
        if case .alsa(_, "snd_pcm_open", -EINVAL, _) = ALSAPCM.openError(device: "x", code: -EINVAL) {} else {
            Issue.record("other codes keep the call and code")
        }
    }
}

extension ALSACaptureSourceTests {
    /// Regression: `aivj listen --device null` spun a core — the `null` PCM returns every read at once, and the
    /// capture thread published hundreds of millions of samples a second. Now capture keeps within the device's
    /// buffer of the wall clock (a bound on samples, whatever the machine's speed).
    @Test func nullDeviceCaptureKeepsToRealTimeInsteadOfSpinning() throws {
        let capture = ALSACaptureSource(device: "null")
        defer { capture.stop() }
        let granted = try #require(capture.granted)
        let start = DispatchTime.now().uptimeNanoseconds
        usleep(300_000)
        let published = capture.lastPublish.frames
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let allowed = Double(granted.sampleRate) * (elapsed + 0.05) + Double(granted.bufferFrames + 2 * granted.periodFrames)
        #expect(Double(published) <= allowed, "published \(published) frames in \(elapsed) s")
        #expect(capture.droppedSamples == 0)
        #expect(published > 0)
    }
}
