import GraphicsCore
@testable import MilkRenderer
import Testing

@Suite(.serialized)
struct LayerTransitionTests {
    @Test func easingRunsFromZeroToOneThroughAHalf() {
        #expect(LayerTransition.eased(0) == 0)
        #expect(abs(LayerTransition.eased(0.5) - 0.5) < 1e-6)
        #expect(LayerTransition.eased(1) == 1)
        #expect(LayerTransition.eased(2) == 1)
    }

    @Test func mixesTwoLayersByProgress() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let red = try MilkLayer(width: 32, height: 18, meshColumns: 4, meshRows: 4)
        let blue = try MilkLayer(width: 32, height: 18, meshColumns: 4, meshRows: 4)
        var redValues = LayerParameters()
        redValues.waveColor.w = 0
        redValues.gamma = 1
        redValues.outerBorderSize = 1
        redValues.outerBorderColor = SIMD4(1, 0, 0, 1)
        var blueValues = redValues
        blueValues.outerBorderColor = SIMD4(0, 0, 1, 1)
        let inputs = LayerFrameInputs(frame: 0, fps: 30)
        try red.render(redValues, inputs: inputs)
        try blue.render(blueValues, inputs: inputs)
        let transition = try LayerTransition(width: 32, height: 18)
        try transition.mix(from: red, to: blue, progress: 0)
        #expect(Array(try transition.readOutput()[0..<3]) == [255, 0, 0])
        try transition.mix(from: red, to: blue, progress: 0.5)
        let halfway = try transition.readOutput()
        #expect(abs(Int(halfway[0]) - 128) <= 2 && abs(Int(halfway[2]) - 128) <= 2)
        try transition.mix(from: red, to: blue, progress: 1)
        #expect(Array(try transition.readOutput()[0..<3]) == [0, 0, 255])
    }
}
