import GraphicsCore
@testable import MilkRenderer
import Recording
import Testing

/// Renders a few frames of `parameters` with a sine in the waveform; returns the last frame's RGB bytes.
func renderFrames(_ parameters: LayerParameters, frames: Int, width: Int = 160, height: Int = 90,
                  configure: (inout LayerParameters, Int) -> Void = { _, _ in }) throws -> [UInt8] {
    let context = try HeadlessContext()
    try context.makeCurrent()
    let layer = try MilkLayer(width: width, height: height, meshColumns: 16, meshRows: 12)
    var pixels: [UInt8] = []
    for frame in 0..<frames {
        var inputs = LayerFrameInputs(frame: frame, fps: 30)
        for i in 0..<LayerFrameInputs.waveformSamples {
            inputs.waveformLeft[i] = 64 * Float(sin(Double(i) * 0.05 + Double(frame)))
            inputs.waveformRight[i] = 64 * Float(cos(Double(i) * 0.07 + Double(frame)))
        }
        inputs.volume = 1
        var current = parameters
        configure(&current, frame)
        try layer.render(current, inputs: inputs)
    }
    pixels = try layer.readOutput()
    return pixels
}

/// Saves a picture beside the test run when AIVJ_TEST_PNG is set, for looking at by eye.
func keep(_ pixels: [UInt8], width: Int = 160, height: Int = 90, name: String) throws {
    guard let folder = ProcessInfo.processInfo.environment["AIVJ_TEST_PNG"] else { return }
    let image = try RGBImage(width: width, height: height, pixels: pixels)
    try PNGCodec.encode(image).withUnsafeBytes { raw in
        try Data(raw).write(to: URL(fileURLWithPath: "\(folder)/\(name).png"))
    }
}

func meanLuma(_ pixels: [UInt8], width: Int = 160, height: Int = 90) throws -> Double {
    try RGBImage(width: width, height: height, pixels: pixels).meanLuma
}

import Foundation

@Suite(.serialized)
struct MilkLayerTests {
    @Test func aWaveOnBlackLeavesAVisibleTrail() throws {
        var parameters = LayerParameters()
        parameters.waveMode = 6
        parameters.waveColor = SIMD4(1, 0.5, 0.2, 1)
        let pixels = try renderFrames(parameters, frames: 20)
        try keep(pixels, name: "wave6")
        let luma = try meanLuma(pixels)
        #expect(luma > 0.005)
        #expect(luma < 0.5)
    }

    @Test func rendersAreByteIdenticalAcrossRuns() throws {
        var parameters = LayerParameters()
        parameters.waveMode = 0
        parameters.motion.zoom = 1.02
        parameters.motion.rotation = 0.01
        let first = try renderFrames(parameters, frames: 12)
        let second = try renderFrames(parameters, frames: 12)
        #expect(first == second)
    }

    @Test func zeroDecayWithNoWaveIsBlack() throws {
        var parameters = LayerParameters()
        parameters.decay = 0
        parameters.waveColor.w = 0
        let pixels = try renderFrames(parameters, frames: 3)
        #expect(pixels.allSatisfy { $0 == 0 })
    }

    @Test func invertTurnsBlackWhite() throws {
        var parameters = LayerParameters()
        parameters.waveColor.w = 0
        parameters.invert = true
        let pixels = try renderFrames(parameters, frames: 2)
        #expect(pixels.allSatisfy { $0 == 255 })
    }

    @Test func outerBorderPaintsTheEdges() throws {
        var parameters = LayerParameters()
        parameters.waveColor.w = 0
        parameters.decay = 0
        parameters.outerBorderSize = 0.1
        parameters.outerBorderColor = SIMD4(1, 0, 0, 1)
        parameters.gamma = 1
        let pixels = try renderFrames(parameters, frames: 1)
        #expect(Array(pixels[0..<3]) == [255, 0, 0])
        let centre = (45 * 160 + 80) * 3
        #expect(Array(pixels[centre..<(centre + 3)]) == [0, 0, 0])
    }

    @Test func aHalfSizePictureIsTheFullPictureAveragedTwoByTwo() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        var parameters = LayerParameters()
        parameters.waveMode = 6
        parameters.motion.zoom = 1.03
        parameters.motion.rotation = 0.02
        parameters.gamma = 1
        // The same frames on two layers; the second composites its last frame at half size.
        var pictures: [[UInt8]] = []
        for size in [PictureSize.full, .half] {
            let layer = try MilkLayer(width: 160, height: 90, meshColumns: 16, meshRows: 12)
            for frame in 0..<8 {
                var inputs = LayerFrameInputs(frame: frame, fps: 30)
                for i in 0..<LayerFrameInputs.waveformSamples {
                    inputs.waveformLeft[i] = 64 * Float(sin(Double(i) * 0.05 + Double(frame)))
                }
                if frame == 7 { layer.pictureSize = size }
                try layer.render(parameters, inputs: inputs)
            }
            #expect(layer.picture.width == (size == .full ? 160 : 80))
            #expect(layer.picture.height == (size == .full ? 90 : 45))
            pictures.append(try layer.readOutput())
        }
        let (full, half) = (pictures[0], pictures[1])
        var largest = 0
        for y in 0..<45 {
            for x in 0..<80 {
                for channel in 0..<3 {
                    var sum = 0
                    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        sum += Int(full[((2 * y + dy) * 160 + 2 * x + dx) * 3 + channel])
                    }
                    largest = max(largest, abs(Int(half[(y * 80 + x) * 3 + channel]) - sum / 4))
                }
            }
        }
        try keep(full, name: "half-full")
        try keep(half, width: 80, height: 45, name: "half-half")
        #expect(try meanLuma(full) > 0.01)
        #expect(largest <= 2)
    }
}
