import Foundation
import GraphicsCore
@testable import MilkRenderer
import Testing

/// The per-pixel warp (one triangle, each pixel reading its mesh triangle's block) against the mesh drawn as
/// triangles: the same uv, rad and ang at every pixel.
struct ShaderWarpGeometryTests {
    /// One frame of a warp shader that writes the interpolated mesh values as colours, on a zoomed, rotated and
    /// warped mesh, drawn `drawing`'s way; the comp shows the result unchanged.
    static func meshValues(_ drawing: ShaderStageProgram.WarpDrawing, width: Int, height: Int) throws -> [UInt8] {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: width, height: height, meshColumns: 12, meshRows: 8)
        try layer.madeShaderPasses().warpDrawing = drawing
        var shaders = PresetShaders(preset: try ShaderPassesTests.preset("md2-warp-shader"), seed: 1)
        shaders.warp?.body = "    ret = vec3(uv.x * 0.5 + 0.25, uv.y * 0.5 + 0.25, rad * 0.3 + sin(ang) * 0.2 + 0.3);"
        shaders.comp?.body = "    ret = _tx(sampler_main, uv).xyz;"
        var parameters = LayerParameters()
        parameters.motion.zoom = 1.15
        parameters.motion.rotation = 0.3
        parameters.motion.warp = 2
        parameters.shaderFrame = ShaderFrameValues(shaders: shaders)
        try layer.render(parameters, inputs: LayerFrameInputs(frame: 30, fps: 30))
        #expect(layer.takeDiagnostics().isEmpty)
        return try layer.readOutput()
    }

    @Test(arguments: [(64, 36), (160, 90)])
    func perPixelInterpolationMatchesTheRasterisedMesh(size: (Int, Int)) throws {
        let mesh = try Self.meshValues(.mesh, width: size.0, height: size.1)
        let perPixel = try Self.meshValues(.perPixel, width: size.0, height: size.1)
        #expect(mesh.count == perPixel.count)
        let differences = zip(mesh, perPixel).map { abs(Int($0) - Int($1)) }
        #expect(differences.max() ?? 0 <= 1, "float rounding only")
        // The picture is not flat, so a wrong cell or triangle would show.
        #expect(Set(mesh).count > 50)
    }
}
