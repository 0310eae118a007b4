import Foundation
import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Recording
import Testing

/// A deterministic two-tone test signal at MilkDrop's ±128 scale, with bands that pulse, for golden images.
struct TestToneAudio: FrameAudioSource {
    func inputs(frame: Int, fps: Double) -> LayerFrameInputs {
        var inputs = LayerFrameInputs(frame: frame, fps: fps)
        let t = inputs.time
        for i in 0..<LayerFrameInputs.waveformSamples {
            let s = Double(i) / 44100
            inputs.waveformLeft[i] = Float(60 * sin(2 * .pi * 110 * (t + s)) + 20 * sin(2 * .pi * 880 * (t + s)))
            inputs.waveformRight[i] = Float(60 * sin(2 * .pi * 165 * (t + s) + 1) + 20 * sin(2 * .pi * 660 * (t + s)))
        }
        for i in 0..<LayerFrameInputs.spectrumSamples {
            let value = Float(8 / (1 + Double(i) / 16))
            inputs.spectrumLeft[i] = value
            inputs.spectrumRight[i] = value
        }
        let pulse = Float(1 + 0.5 * sin(t * 2 * .pi * 2))
        inputs.bass = pulse
        inputs.mid = 1
        inputs.treble = 2 - pulse
        inputs.bassAttenuated = 1
        inputs.midAttenuated = 1
        inputs.trebleAttenuated = 1
        inputs.volume = (inputs.bass + inputs.mid + inputs.treble) / 3
        return inputs
    }
}

enum Golden {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let presets = root.appendingPathComponent("presets")
    static let fixtures = root.appendingPathComponent("Tests/Fixtures/MilkRenderer/golden")
    static let width = 96
    static let height = 54
    static let frames = 45

    /// Presets expected to come out black (none today).
    static let blackByDesign: Set<String> = []

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: presets.path)) ?? []
        return files.filter { $0.hasSuffix(".milk") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Renders `name` from presets/ and returns the last frame.
    static func render(_ name: String) throws -> RGBImage {
        let preset = try Preset(contentsOf: presets.appendingPathComponent(name + ".milk"))
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: width, height: height, meshColumns: 24, meshRows: 18)
        var driver = makeDriver(preset)
        let audio = TestToneAudio()
        for frame in 0..<frames {
            let inputs = audio.inputs(frame: frame, fps: 30)
            let (parameters, field) = driver.frame(inputs, mesh: layer.mesh)
            try layer.render(parameters, inputs: inputs, warpField: field)
        }
        return try RGBImage(width: width, height: height, pixels: layer.readOutput())
    }

    static func makeDriver(_ preset: Preset) -> any LayerDriver {
        layerDriver(for: preset, seed: 1)
    }
}

/// Each feature's preset under presets/ rendered and compared with its PNG under Tests/Fixtures/MilkRenderer/golden.
/// Set AIVJ_UPDATE_GOLDEN=1 to rewrite the PNGs after an intended change (and look at them).
@Suite(.serialized)
struct GoldenImageTests {
    @Test(arguments: Golden.names)
    func matchesItsGoldenImage(_ name: String) throws {
        let image = try Golden.render(name)
        let file = Golden.fixtures.appendingPathComponent(name + ".png")
        if ProcessInfo.processInfo.environment["AIVJ_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Golden.fixtures, withIntermediateDirectories: true)
            try Data(PNGCodec.encode(image)).write(to: file)
        }
        let golden = try PNGCodec.decode([UInt8](Data(contentsOf: file)))
        #expect(golden.width == image.width && golden.height == image.height)
        var total = 0
        var worst = 0
        for (a, b) in zip(golden.pixels, image.pixels) {
            let difference = abs(Int(a) - Int(b))
            total += difference
            worst = max(worst, difference)
        }
        let mean = Double(total) / Double(max(image.pixels.count, 1))
        // The same Mesa gives the same bytes; the margin only absorbs rounding differences between drivers.
        #expect(mean < 1.0, "\(name): mean difference \(mean)")
        #expect(image.meanLuma > 0.01 || Golden.blackByDesign.contains(name), "\(name) came out black")
    }
}
