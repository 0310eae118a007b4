import Determinism
import Foundation
import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Recording
import Testing

@Suite(.serialized)
struct PresetTransitionTests {
    static let mesh = WarpMesh(columns: 8, rows: 6, width: 64, height: 36)

    @Test(arguments: BlendPattern.Kind.allCases)
    func everyPatternStartsAtTheOldPresetAndEndsAtTheNewOne(_ kind: BlendPattern.Kind) {
        var random = SeededRandom(seed: 3)
        let pattern = BlendPattern(kind: kind, mesh: Self.mesh, random: &random)
        for index in 0..<Self.mesh.vertexCount {
            #expect(pattern.weight(vertex: index, progress: 0) == 0)
            #expect(pattern.weight(vertex: index, progress: 1) == 1)
        }
        // Halfway, a front is crossing the picture: some vertices are already new, some still old.
        let halfway = (0..<Self.mesh.vertexCount).map { pattern.weight(vertex: $0, progress: 0.5) }
        if kind == .uniform {
            #expect(halfway.allSatisfy { $0 == 0.5 })
        } else {
            #expect(halfway.contains { $0 == 1 } && halfway.contains { $0 == 0 })
        }
    }

    @Test func warpCoordinatesFollowThePatternPerVertex() {
        var still = LayerParameters()
        still.motion.warp = 0
        var moving = still
        moving.motion.dx = 0.25
        var random = SeededRandom(seed: 5)
        let pattern = BlendPattern(kind: .wipe, mesh: Self.mesh, random: &random)
        var transition = PresetTransition(from: StaticDriver(still), to: StaticDriver(moving), start: 1, duration: 2,
                                          pattern: pattern)
        let mesh = Self.mesh
        let oldUV = mesh.textureCoordinates(parameters: still, field: nil, time: 2)
        let newUV = mesh.textureCoordinates(parameters: moving, field: nil, time: 2)
        let frame = transition.frame(LayerFrameInputs(frame: 60, fps: 30), mesh: mesh)
        #expect(frame.progress == 0.5)
        for index in 0..<mesh.vertexCount {
            let w = pattern.weight(vertex: index, progress: 0.5)
            let expected = newUV[index] * w + oldUV[index] * (1 - w)
            #expect(abs(frame.textureCoordinates[index].x - expected.x) < 1e-6)
        }
        #expect(transition.progress(at: 0) == 0 && transition.isFinished(at: 3) && !transition.isFinished(at: 2.9))
    }

    @Test func valuesEaseAndSwitchesSnapAtHalfway() {
        var old = LayerParameters()
        old.decay = 0.9
        old.invert = true
        old.shapes = [ShapeInstance()]
        var new = LayerParameters()
        new.decay = 1
        new.invert = false
        new.waveMode = 5
        new.shapes = [ShapeInstance(), ShapeInstance()]
        let early = PresetTransition.blend(old, new, progress: 0.25)
        #expect(abs(early.decay - (0.9 + 0.1 * PresetTransition.eased(0.25))) < 1e-6)
        #expect(early.invert && early.waveMode == 5)
        #expect(early.shapes.count == 3)
        #expect(abs(early.shapes[0].centerColor.w - 0.25) < 1e-6 && abs(early.shapes[2].centerColor.w - 0.75) < 1e-6)
        let late = PresetTransition.blend(old, new, progress: 0.75)
        #expect(!late.invert)
    }

    /// A blend of two of our presets halfway through, against its PNG (AIVJ_UPDATE_GOLDEN=1 rewrites it).
    @Test func halfwayBlendMatchesItsGoldenImage() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: Golden.width, height: Golden.height, meshColumns: 24, meshRows: 18)
        func driver(_ name: String) throws -> any LayerDriver {
            Golden.makeDriver(try Preset(contentsOf: Golden.presets.appendingPathComponent(name + ".milk")))
        }
        var old = try driver("warp-zoom-rotate")
        let audio = TestToneAudio()
        var transition = PresetTransition(from: try driver("warp-zoom-rotate"), to: try driver("custom-shape"),
                                          start: 0.5, duration: 1, mesh: layer.mesh, seed: 7)
        for frame in 0...30 {
            let inputs = audio.inputs(frame: frame, fps: 30)
            if frame < 15 {
                let (parameters, field) = old.frame(inputs, mesh: layer.mesh)
                try layer.render(parameters, inputs: inputs, warpField: field)
            } else {
                try layer.render(transition.frame(inputs, mesh: layer.mesh), inputs: inputs)
            }
        }
        let image = try RGBImage(width: Golden.width, height: Golden.height, pixels: layer.readOutput())
        let file = Golden.fixtures.appendingPathComponent("transition-halfway.png")
        if ProcessInfo.processInfo.environment["AIVJ_UPDATE_GOLDEN"] == "1" {
            try Data(PNGCodec.encode(image)).write(to: file)
        }
        let golden = try PNGCodec.decode([UInt8](Data(contentsOf: file)))
        let total = zip(golden.pixels, image.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        #expect(Double(total) / Double(image.pixels.count) < 1.0)
        #expect(image.meanLuma > 0.01)
    }
}
