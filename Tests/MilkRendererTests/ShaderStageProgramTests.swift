@testable import MilkRenderer
import GraphicsCore
import ShaderTranslation
import Testing

/// How a translated shader is drawn: the grid values it reads and whether its warp pays for per-pixel interpolation.
struct ShaderStageProgramTests {
    @Test func gridValuesAreFoundByWholeName() {
        #expect(ShaderStageProgram.readsGridValues("ret = rad * 2.0;"))
        #expect(ShaderStageProgram.readsGridValues("ret = vec3(sin(ang));"))
        #expect(ShaderStageProgram.readsGridValues("ret = hue_shader;"))
        #expect(!ShaderStageProgram.readsGridValues("float radius = 1.0; ret = vec3(radius, range, 0.0);"))
    }

    @Test func blockWasteShrinksWithLargerCells() {
        let small = ShaderStageProgram.blockWaste(.init(columns: 48, rows: 36, width: 640, height: 360))
        let large = ShaderStageProgram.blockWaste(.init(columns: 48, rows: 36, width: 1280, height: 720))
        // Exact counts of (triangle, 4×4 block) pairs per block: 2.08 and 1.40.
        #expect(abs(small - 2.08) < 0.15)
        #expect(abs(large - 1.40) < 0.1)
    }

    @Test func manyLookupsGoPerPixelAndOneLookupKeepsTheMeshOnlyOnLargeCells() throws {
        let heavy = try ShaderTranslator.translate("""
            shader_body { ret = tex2D(sampler_main, uv).xyz + GetBlur1(uv) + GetBlur2(uv) + GetBlur3(uv)
                + tex2D(sampler_main, uv + 0.01).xyz + tex2D(sampler_main, uv - 0.01).xyz; }
            """, stage: .warp)
        let light = try ShaderTranslator.translate("shader_body { ret = tex2D(sampler_main, uv).xyz * 0.98; }", stage: .warp)
        let hd = ShaderStageProgram.WarpGrid(columns: 48, rows: 36, width: 1280, height: 720)
        let sd = ShaderStageProgram.WarpGrid(columns: 48, rows: 36, width: 640, height: 360)
        #expect(ShaderStageProgram.perPixelWarpPays(heavy, grid: hd))
        #expect(!ShaderStageProgram.perPixelWarpPays(light, grid: hd))
        // One lookup at 640×360: measured 11 % faster per pixel than the mesh (and 13 % slower at 1280×720).
        #expect(ShaderStageProgram.perPixelWarpPays(light, grid: sd))
        #expect(ShaderStageProgram.perPixelWarpPays(heavy, grid: sd))
        // Three lookups (Geiss - 3 layers): measured faster per pixel at 1280×720 too.
        let three = try ShaderTranslator.translate("""
            shader_body { ret = tex2D(sampler_main, uv).xyz + tex2D(sampler_main, uv + 0.01).xyz + GetBlur1(uv); }
            """, stage: .warp)
        #expect(ShaderStageProgram.perPixelWarpPays(three, grid: hd))
    }

    @Test func perPixelWarpSourceReadsTheMeshTextureAndKeepsTheBody() throws {
        let shader = try ShaderTranslator.translate("shader_body { ret = tex2D(sampler_main, uv).xyz * rad; }", stage: .warp)
        let source = ShaderStageProgram.fragmentSource(shader, perPixelWarp: true)
        #expect(source.contains("texture(_milk_mesh"), "the mesh block is read unflipped")
        #expect(!source.contains("_tx(_milk_mesh"))
        #expect(!source.contains("in vec4 v_uv"))
        #expect(source.contains("_tx(sampler_main"))
        #expect(ShaderStageProgram.fragmentSource(shader, perPixelWarp: false).contains("in vec4 v_uv"))
    }

    @Test func profileLineReportsMillisecondsPerFrame() {
        let profile = StageProfile(enabled: true)
        #expect(profile.layerJSONLine.hasPrefix("{\"profile_frames\":0,\"code_ms\":0.000"))
        #expect(profile.layerJSONLine.hasSuffix("\"total_ms\":0.000}"))
    }
}
