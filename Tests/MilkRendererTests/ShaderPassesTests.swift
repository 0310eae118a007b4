import Foundation
import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Recording
import ShaderTranslation
import Testing

struct ShaderPassesTests {
    static func preset(_ name: String) throws -> Preset {
        try Preset(contentsOf: Golden.presets.appendingPathComponent(name + ".milk"))
    }

    /// Renders `frames` frames of `parameters` on a fresh layer and returns the layer's diagnostics and last picture.
    static func render(_ parameters: LayerParameters, frames: Int = 3) throws -> ([String], RGBImage) {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: 64, height: 36, meshColumns: 8, meshRows: 6)
        var diagnostics: [String] = []
        for frame in 0..<frames {
            try layer.render(parameters, inputs: LayerFrameInputs(frame: frame, fps: 30))
            diagnostics += layer.takeDiagnostics()
        }
        return (diagnostics, try RGBImage(width: 64, height: 36, pixels: layer.readOutput()))
    }

    @Test func aCompShaderThatDoesNotCompileFallsBackToTheMilkDrop1CompositeWithOneLine() throws {
        var shaders = PresetShaders(preset: try Self.preset("md2-comp-shader"), seed: 1)
        shaders.comp?.body = "    this is not glsl;"
        var parameters = LayerParameters()
        parameters.outerBorderSize = 0.2
        parameters.outerBorderColor = SIMD4(1, 1, 1, 1)
        parameters.shaderFrame = ShaderFrameValues(shaders: shaders)
        let (diagnostics, image) = try Self.render(parameters)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("md2-comp-shader: comp shader did not compile") == true)
        #expect(image.meanLuma > 0.1, "the MilkDrop 1 composite should show the border")
    }

    @Test func aCompShaderReplacesTheCompositeAndSeesUniforms() throws {
        var shaders = PresetShaders(preset: try Self.preset("md2-q-vars"), seed: 1)
        shaders.warp = nil
        var parameters = LayerParameters()
        var q = [Float](repeating: 0, count: 32)
        q[0] = 1; q[1] = 0; q[2] = 0; q[4] = 0
        parameters.shaderFrame = ShaderFrameValues(shaders: shaders, q: q)
        let (diagnostics, image) = try Self.render(parameters)
        #expect(diagnostics.isEmpty)
        // Top half is float3(q1, q2, q3) = red, bottom half _qb.x = q5 = 0.
        let top = (10 * 64 + 32) * 3, bottom = (30 * 64 + 32) * 3
        #expect(Array(image.pixels[top..<top + 3]) == [255, 0, 0])
        #expect(Array(image.pixels[bottom..<bottom + 3]) == [0, 0, 0])
    }

    @Test func samplerNamesGiveMilkDropsFilterAndWrap() {
        func binding(_ name: String, volume: Bool = false) -> ShaderSamplerBinding {
            ShaderSamplerBinding(name: name, isVolume: volume)
        }
        #expect(binding("sampler_main") == ShaderSamplerBinding(source: .main, linear: true, wrap: true))
        #expect(binding("sampler_pc_main") == ShaderSamplerBinding(source: .main, linear: false, wrap: false))
        #expect(binding("sampler_blur2") == ShaderSamplerBinding(source: .blur(2), linear: true, wrap: false))
        #expect(binding("sampler_fw_blur1") == ShaderSamplerBinding(source: .blur(1), linear: true, wrap: true))
        #expect(binding("sampler_noisevol_hq", volume: true) == ShaderSamplerBinding(source: .volume("noisevol_hq"), linear: true, wrap: true))
        #expect(binding("sampler_rand00") == ShaderSamplerBinding(source: .user("rand00"), linear: true, wrap: true))
    }

    @Test func blurRangesFollowMilkDropsSafeMinMax() {
        let range = ShaderEnvironmentUniforms.safeBlurRange(minimum: SIMD3(0, 0.2, 0), maximum: SIMD3(1, 0.8, 0.9))
        #expect(range.minimum == SIMD3(0, 0.2, 0.2))
        #expect(range.maximum == SIMD3(1, 0.8, 0.8))
        // A range narrower than 0.1 collapses to avg − 0.05 at both ends, as in MilkDrop.
        let narrow = ShaderEnvironmentUniforms.safeBlurRange(minimum: SIMD3(0.5, 0.5, 0.5), maximum: SIMD3(0.52, 1, 1))
        #expect(abs(narrow.minimum.x - 0.46) < 1e-6 && abs(narrow.maximum.x - 0.46) < 1e-6)
    }

    @Test func blurTargetsHaveMilkDropsSizes() {
        let sizes = BlurPyramid.sizes(width: 1024, height: 1024)
        #expect(sizes.map(\.0) == [512, 256, 128, 128, 64, 64])
        #expect(sizes.map(\.1) == [512, 256, 128, 128, 64, 64])
    }

    @Test func noiseIsFixedBySeedAndSmoothedKindsVaryLess() {
        let a = NoiseImage.rgba(size: 32, zoom: 1, volume: false, seed: 3)
        #expect(a == NoiseImage.rgba(size: 32, zoom: 1, volume: false, seed: 3))
        #expect(a.count == 32 * 32 * 4)
        func neighbourDifference(_ bytes: [UInt8]) -> Double {
            var total = 0
            for i in stride(from: 0, to: bytes.count - 4, by: 4) { total += abs(Int(bytes[i]) - Int(bytes[i + 4])) }
            return Double(total) / Double(bytes.count / 4)
        }
        let smooth = NoiseImage.rgba(size: 32, zoom: 4, volume: false, seed: 3)
        #expect(neighbourDifference(smooth) < neighbourDifference(a) / 2)
        #expect(NoiseImage.rgba(size: 8, zoom: 4, volume: true, seed: 3).count == 8 * 8 * 8 * 4)
    }

    @Test func rotationMatrixWithoutRotationIsTheTranslation() {
        let m = ShaderEnvironmentUniforms.rotationMatrix(angles: .zero, translation: SIMD3(0.1, 0.2, 0.3))
        #expect(m == [1, 0, 0, 0, 1, 0, 0, 0, 1, 0.1, 0.2, 0.3])
    }

    @Test func checkNamesTheGLSLLineOfADriverError() {
        let line = ShaderCheck.sourceLine(of: "GL: fragment shader of x did not compile: 0:2(5): error: bad", in: "first\n  second line\nthird")
        #expect(line == "2: second line")
    }
}
