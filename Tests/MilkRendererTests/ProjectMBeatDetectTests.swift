import Testing
@testable import MilkRenderer

/// projectM 3.1.12's levels, checked by hand against `BeatDetect::getBeatVals` (and, end to end, by the probe
/// presets of Benchmarks/render/fidelity.py against projectm-ref).
struct ProjectMBeatDetectTests {
    @Test func silenceGivesZeroLevelsWhereMilkDropGivesOne() {
        var detect = ProjectMBeatDetect()
        detect.update(left: [Float](repeating: 0, count: 1470), right: [Float](repeating: 0, count: 1470))
        #expect(detect.levels == [0, 0, 0, 0])
        #expect(detect.attenuated == [0, 0, 0, 0])
        var inputs = LayerFrameInputs(frame: 0, fps: 30)
        inputs.bass = 1
        detect.apply(to: &inputs, left: [], right: [])
        #expect(inputs.bass == 0 && inputs.volume == 0)
    }

    @Test func constantSignalOnTheFirstFrame() {
        // 0.5 is 1.0 at projectM's int16/16384 scale: bass instant = 5·2·100/5 = 200, mid 200, treble 180,
        // vol 193.3; each history is instant/80; bass = 200 / (1.3·2.5 + 0.2·2.4167).
        var detect = ProjectMBeatDetect()
        let half = [Float](repeating: 0.5, count: 1470)
        detect.update(left: half, right: half)
        let bass = Float(200 / (1.3 * 2.5 + 0.2 * (193.3333 / 80)))
        #expect(abs(detect.levels[0] - bass) < 0.01)
        #expect(abs(detect.levels[1] - bass) < 0.01)
        #expect(abs(detect.attenuated[0] - 0.4 * bass) < 0.01)
        #expect(abs(detect.levels[3] - Float(193.3333 / (1.5 * 193.3333 / 80))) < 0.01)
        #expect(abs(detect.waveformScale - 1.5 / (193.3333 / 80).squareRoot()) < 0.001)
    }

    @Test func projectMCompatibilityDropsGammaAndMarksTheFrame() throws {
        var parameters = LayerParameters()
        parameters.gamma = 1.8
        RenderCompatibility.milkdrop.adjust(&parameters)
        #expect(parameters.gamma == 1.8 && parameters.compatibility == .milkdrop)
        try RenderCompatibility(parsing: "projectm").adjust(&parameters)
        #expect(parameters.gamma == 1 && parameters.compatibility == .projectM3)
        #expect(throws: MilkRendererError.self) { try RenderCompatibility(parsing: "winamp") }
    }

    @Test func projectMFeedbackTextureIsSnappedToSixteen() {
        #expect(RenderCompatibility.projectM3.feedbackSize(width: 320, height: 180) == (304, 160))
        #expect(RenderCompatibility.projectM3.feedbackSize(width: 640, height: 360) == (624, 336))
        #expect(RenderCompatibility.milkdrop.feedbackSize(width: 320, height: 180) == (320, 180))
    }

    @Test func ringKeepsTheNewestSamplesFirstAtProjectMScale() {
        var detect = ProjectMBeatDetect()
        detect.update(left: [0.1, 0.2, 0.3], right: [0, 0, -0.25])
        detect.update(left: [0.4], right: [0.5])
        let audio = detect.audio
        #expect(audio.newSamples == 1)
        #expect(Array(audio.left.prefix(4)) == [0.8, 0.6, 0.4, 0.2])
        #expect(Array(audio.right.prefix(4)) == [1, -0.5, 0, 0])
        #expect(audio.left.count == ProjectMAudio.ringLength)
    }
}
