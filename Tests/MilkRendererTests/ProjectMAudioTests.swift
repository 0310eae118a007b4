import Testing
@testable import MilkRenderer

/// projectM 3.1.12's wave data (`PCM::getPCM`, `Waveform::Draw`) and main waveform (`MilkdropWaveform`).
struct ProjectMAudioTests {
    let ramp = ProjectMAudio(left: (0..<2048).map { Float($0 % 7) - 3 }, right: (0..<2048).map { Float($0 % 5) * 0.5 },
                             newSamples: 1470, scale: 2)

    @Test func customWaveValuesAreTheNewestSamplesSmoothedForwardAndScaled() {
        let plain = ramp.customWaveValues(count: 4, right: false, spectrum: false, smoothing: 0, scaling: 0.5)
        #expect(plain == [-3, -2, -1, 0])
        let smoothed = ramp.customWaveValues(count: 3, right: true, spectrum: false, smoothing: 0.5, scaling: 1)
        // Raw 0, 0.5, 1 → 0, 0.25, 0.625 after (1 − s)·x + s·previous, then ×2 (the volume scale).
        #expect(smoothed == [0, 0.5, 1.25])
    }

    @Test func spectrumIsOouraPackedRealDFT() {
        // x = [1, 0, 0, 0]: every cosine sum is 1, every sine sum 0; a[1] holds the Nyquist term.
        #expect(ProjectMAudio.packedRealDFT([1, 0, 0, 0]) == [1, 1, 1, 0])
        // x = [0, 1, 0, -1]: Σx = 0, Nyquist 0, k = 1: cos sum 0, sin sum sin(π/2) − sin(3π/2) = 2.
        let dft = ProjectMAudio.packedRealDFT([0, 1, 0, -1])
        #expect(abs(dft[0]) < 1e-6 && abs(dft[1]) < 1e-6 && abs(dft[2]) < 1e-6 && abs(dft[3] - 2) < 1e-6)
    }

    @Test func textureSizeIsProjectMsNearestPowerOfTwo() {
        #expect(MainWaveform.projectMTextureSize(width: 304, height: 160) == 256)
        #expect(MainWaveform.projectMTextureSize(width: 624, height: 336) == 512)
        #expect(MainWaveform.projectMTextureSize(width: 384, height: 100) == 512)
        #expect(MainWaveform.projectMTextureSize(width: 1264, height: 704) == 1024)
    }

    @Test func lineModeDrawsEveryNewSampleAtWaveXHeight() {
        var parameters = LayerParameters()
        parameters.waveMode = 6
        parameters.waveX = 0.25
        parameters.waveScale = 1
        let silent = ProjectMAudio(left: [Float](repeating: 0, count: 2048), right: [Float](repeating: 0, count: 2048),
                                   newSamples: 1470, scale: 1)
        let wave = MainWaveform(projectM: parameters, inputs: LayerFrameInputs(frame: 0, fps: 30), audio: silent,
                                aspect: 0.5625, textureSize: 256)
        #expect(wave.lines.count == 1 && wave.lines[0].count == 1470)
        // y = 1 − wave_x = 0.75 in projectM's upside-down 0…1, so −0.5 in our clip space; x from −1.
        #expect(abs(wave.lines[0][0].y + 0.5) < 1e-5 && abs(wave.lines[0][0].x + 1) < 1e-5)
    }

    @Test func blobAlphaFollowsTheTextureSizeTable() {
        var parameters = LayerParameters()
        parameters.waveMode = 2
        parameters.waveColor = SIMD4(1, 0.5, 0, 1)
        let color = MainWaveform.projectMColor(parameters, mode: 2, volume: 1, treble: 1, textureSize: 256)
        #expect(abs(color.w - 0.07) < 1e-6)
        #expect(MainWaveform.projectMColor(parameters, mode: 2, volume: 1, treble: 1, textureSize: 300).w == 1)
    }
}
