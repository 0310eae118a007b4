import Determinism
import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Testing

/// MilkDrop 2's blend of two presets' shaders: both drawn, mixed by the per-vertex weights.
@Suite(.serialized)
struct ShaderBlendTests {
    /// A preset with no waves or borders whose warp and/or comp shader writes a constant colour.
    static func driver(warp: String? = nil, comp: String? = nil) throws -> any LayerDriver {
        var text = "MILKDROP_PRESET_VERSION=201\nPSVERSION=2\nPSVERSION_WARP=2\nPSVERSION_COMP=2\n[preset00]\n"
        text += "fGammaAdj=1.0\nfDecay=1.0\nfWaveAlpha=0.0\nfVideoEchoAlpha=0.0\nzoom=1.0\nwarp=0.0\n"
        if let warp { text += "warp_1=`shader_body\nwarp_2=`{\nwarp_3=`\(warp)\nwarp_4=`}\n" }
        if let comp { text += "comp_1=`shader_body\ncomp_2=`{\ncomp_3=`\(comp)\ncomp_4=`}\n" }
        return layerDriver(for: try Preset(text: text, name: "blend-test"), seed: 1)
    }

    /// The mean red, green and blue (0…255) of the layer after blending `from` into `to` with a uniform pattern,
    /// rendered at `progress`.
    static func blend(from: any LayerDriver, to: any LayerDriver, progress: Double) throws -> SIMD3<Double> {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: 64, height: 36, meshColumns: 8, meshRows: 6)
        var random = SeededRandom(seed: 1)
        let pattern = BlendPattern(kind: .uniform, mesh: layer.mesh, random: &random)
        var old = from
        let first = LayerFrameInputs(frame: 0, fps: 30)
        let (parameters, field) = old.frame(first, mesh: layer.mesh)
        try layer.render(parameters, inputs: first, warpField: field)
        var transition = PresetTransition(from: old, to: to, start: 0, duration: 1, pattern: pattern)
        var inputs = LayerFrameInputs(frame: 1, fps: 30)
        inputs.time = progress
        try layer.render(transition.frame(inputs, mesh: layer.mesh), inputs: inputs)
        let pixels = try layer.readOutput()
        var sum = SIMD3<Double>(0, 0, 0)
        for index in stride(from: 0, to: pixels.count, by: 3) {
            sum += SIMD3(Double(pixels[index]), Double(pixels[index + 1]), Double(pixels[index + 2]))
        }
        return sum / Double(pixels.count / 3)
    }

    @Test func bothCompShadersAreDrawnMixedByTheWeight() throws {
        let mean = try Self.blend(from: try Self.driver(comp: "ret = float3(1,0,0);"),
                                  to: try Self.driver(comp: "ret = float3(0,0,1);"), progress: 0.25)
        #expect(abs(mean.x - 191) < 6 && abs(mean.z - 64) < 6 && mean.y < 3, "\(mean)")
    }

    @Test func bothWarpShadersAreDrawnMixedByTheWeight() throws {
        let mean = try Self.blend(from: try Self.driver(warp: "ret = float3(1,0,0);"),
                                  to: try Self.driver(warp: "ret = float3(0,1,0);"), progress: 0.5)
        #expect(abs(mean.x - 128) < 6 && abs(mean.y - 128) < 6 && mean.z < 3, "\(mean)")
    }

    @Test func anOldCompShaderIsDrawnOverTheNewFixedCompositeWithTheWeightsFlipped() throws {
        // The new preset has no shader: its fixed composite shows the (black) feedback; the old red comp fades out.
        let mean = try Self.blend(from: try Self.driver(comp: "ret = float3(1,0,0);"), to: try Self.driver(),
                                  progress: 0.25)
        #expect(abs(mean.x - 191) < 6 && mean.y < 3 && mean.z < 3, "\(mean)")
    }
}
