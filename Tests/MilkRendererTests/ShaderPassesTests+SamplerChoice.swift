import Foundation
import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Testing

/// Which sampler a lookup gets: the mip filter skipped for pixel-exact noise, the frame read nearest at pixel
/// centres — each giving the same picture as the full filter.
extension ShaderPassesTests {
    /// A MilkDrop 2 preset with these warp and comp shader bodies (HLSL lines; no warp shader when empty).
    static func shaderPreset(warp: [String] = [], comp: [String]) throws -> Preset {
        var lines = ["MILKDROP_PRESET_VERSION=201", "PSVERSION=2", "PSVERSION_WARP=2", "PSVERSION_COMP=2", "[preset00]"]
        for (stage, body) in [("warp", warp), ("comp", comp)] where !body.isEmpty {
            let code = ["shader_body", "{"] + body + ["}"]
            lines += code.enumerated().map { "\(stage)_\($0.offset + 1)=`\($0.element)" }
        }
        return try Preset(text: lines.joined(separator: "\n"), name: "sampler-choice")
    }
}

extension ShaderPassesTests {
    /// A comp shader reading noise_lq at `coordinate` (HLSL), one frame at 128×72 (or its half-size picture).
    static func noiseComp(_ coordinate: String, half: Bool = false) throws -> (ShaderSamplerBinding?, [UInt8]) {
        let preset = try Self.shaderPreset(comp: ["ret = tex2D(sampler_noise_lq, \(coordinate)).xyz;"])
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: 128, height: 72, meshColumns: 8, meshRows: 6)
        if half { layer.pictureSize = .half }
        var parameters = LayerParameters()
        parameters.shaderFrame = ShaderFrameValues(shaders: PresetShaders(preset: preset, seed: 1))
        try layer.render(parameters, inputs: LayerFrameInputs(frame: 3, fps: 30))
        #expect(layer.takeDiagnostics().isEmpty)
        let binding = layer.shaderResources?.compProgram?.samplers.first { $0.source == .noise("noise_lq") }
        return (binding, try layer.readOutput())
    }

    @Test func pixelExactNoiseReadsTheSameWithoutTheMipFilter() throws {
        // The idiom (no mip filter) and the same coordinate in a form the analysis does not recognise (mip filter).
        for scale in ["1.0", "0.5"] {
            let (plain, pictureA) = try Self.noiseComp("uv_orig*texsize.xy*texsize_noise_lq.zw*\(scale) + rand_frame.xy")
            let (mip, pictureB) = try Self.noiseComp("uv_orig*texsize.xy*texsize_noise_lq.zw*\(scale) + rand_frame.xy + uv*0")
            #expect(plain?.texelStep == Double(scale))
            #expect(mip?.texelStep == nil)
            let same = pictureA.elementsEqual(pictureB)
            #expect(same, "the same texels")
            #expect(Set(pictureA).count > 50, "noise, not a flat picture")
        }
    }

    @Test func aHalfSizePictureKeepsTheMipFilterWhereItMinifies() throws {
        // At half size a one-texel step becomes two: level 1 is read, not level 0. (The offset keeps the reads off
        // texel corners, where level 0's bilinear average would equal level 1.)
        let offset = " + float2(0.0013, 0.0021)"
        let (_, idiom) = try Self.noiseComp("uv_orig*texsize.xy*texsize_noise_lq.zw" + offset, half: true)
        let (_, opaque) = try Self.noiseComp("uv_orig*texsize.xy*texsize_noise_lq.zw + uv*0" + offset, half: true)
        let same = idiom.elementsEqual(opaque)
        #expect(same, "level 1, as with the mip filter")
    }
}

extension ShaderPassesTests {
    /// Three frames of a warp shader drawing structure and a comp shader reading the frame at `coordinates`.
    static func frameReads(_ coordinates: [String], compat: RenderCompatibility = .milkdrop) throws
        -> (ShaderSamplerBinding?, [UInt8]) {
        let warp = ["ret = frac(float3(uv_orig.x * 7.3, uv_orig.y * 5.1, uv_orig.x * uv_orig.y * 13) + time);"]
        let comp = ["ret = 0;"] + coordinates.map { "ret += tex2D(sampler_main, \($0)).xyz * 0.3;" }
        let preset = try Self.shaderPreset(warp: warp, comp: comp)
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: 96, height: 54, meshColumns: 8, meshRows: 6, compatibility: compat)
        var parameters = LayerParameters()
        parameters.compatibility = compat
        parameters.shaderFrame = ShaderFrameValues(shaders: PresetShaders(preset: preset, seed: 1))
        for frame in 0..<3 { try layer.render(parameters, inputs: LayerFrameInputs(frame: frame, fps: 30)) }
        #expect(layer.takeDiagnostics().isEmpty)
        let binding = layer.shaderResources?.compProgram?.samplers.first { $0.source == .main }
        return (binding, try layer.readOutput())
    }

    @Test func theFrameReadAtPixelCentresIsTheSameNearest() throws {
        // Whole-pixel offsets, the right and top edges included (wrapped), read nearest; `+ uv * 0` hides the
        // same coordinates from the analysis, so those are read bilinear.
        let offsets = ["uv", "uv + float2(1,0)*texsize.zw", "uv - float2(0,2)*texsize.zw", "uv + texsize.zw*3"]
        let (nearest, pictureA) = try Self.frameReads(offsets)
        let (bilinear, pictureB) = try Self.frameReads(offsets.map { $0 + " + uv * 0" })
        #expect(nearest?.atPixelCentres == true)
        #expect(bilinear?.atPixelCentres == false)
        let same = pictureA.elementsEqual(pictureB)
        #expect(same, "the same texels")
        #expect(Set(pictureA).count > 50, "a picture with structure")
    }
}

extension ShaderPassesTests {
    @Test func aPictureLargerThanTheCanvasKeepsTheFrameBilinear() throws {
        // `--compat projectm` draws the composite over a picture larger than its canvas: the pixel centres are not
        // texel centres there, so the frame must stay bilinear (as the opaque form of the same coordinate is).
        let (_, idiom) = try Self.frameReads(["uv + float2(1,0)*texsize.zw"], compat: .projectM3)
        let (_, opaque) = try Self.frameReads(["uv + float2(1,0)*texsize.zw + uv * 0"], compat: .projectM3)
        let same = idiom.elementsEqual(opaque)
        #expect(same, "read bilinear")
    }
}
