import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Testing

/// `--compat projectm`: projectM 3.1.12's feedback size, per-pixel conventions, shapes and custom waves.
struct ProjectMCompatibilityTests {
    /// Regression: the composite fetched texel (x, y) for pixel (x, y), so a 304×160 feedback left the right and top
    /// 16–20 pixels of a 320×180 picture black.
    @Test func smallerFeedbackIsStretchedOverTheWholePicture() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let layer = try MilkLayer(width: 320, height: 180, meshColumns: 8, meshRows: 6, compatibility: .projectM3)
        #expect(layer.canvasWidth == 304 && layer.canvasHeight == 160)
        var parameters = LayerParameters()
        RenderCompatibility.projectM3.adjust(&parameters)
        parameters.outerBorderSize = 1
        parameters.outerBorderColor = SIMD4(1, 1, 1, 1)
        try layer.render(parameters, inputs: LayerFrameInputs(frame: 0, fps: 30))
        let pixels = try layer.readOutput()
        for (x, y) in [(318, 90), (160, 1), (2, 178)] {
            #expect(pixels[(y * 320 + x) * 3] > 200, "pixel \(x),\(y)")
        }
    }

    @Test func perPixelRadiusAndAngleFollowProjectM() {
        let milkdrop = WarpMesh(columns: 2, rows: 2, width: 100, height: 100)
        let projectM = WarpMesh(columns: 2, rows: 2, width: 100, height: 100, projectMConventions: true)
        // Vertex 0 is the top-left corner: MilkDrop's rad √2 and ang 3π/4 (y up); projectM's rad 1, ang −3π/4.
        #expect(abs(milkdrop.radius[0] - Float(2).squareRoot()) < 1e-5 && abs(projectM.radius[0] - 1) < 1e-5)
        #expect(abs(milkdrop.angle[0] - 3 * Float.pi / 4) < 1e-5 && abs(projectM.angle[0] + 3 * Float.pi / 4) < 1e-5)
    }

    @Test func shapesAreSmallerAndSqueezedInProjectM() {
        var shape = ShapeInstance()
        shape.radius = 0.5
        shape.angle = -Float.pi / 4
        // The first rim point lies along +x: MilkDrop's at x + rad, projectM's at x + 0.7351·rad·h/w.
        #expect(abs(shape.fan(aspectY: 1)[1].x - 0.5) < 1e-5)
        #expect(abs(shape.fan(aspectY: 0.5625, radiusScale: 0.7351)[1].x - 0.5 * 0.7351 * 0.5625) < 1e-5)
    }

    @Test func customWavesReadProjectMsSamplesAndStartFromTheWavePosition() throws {
        let text = """
            [preset00]
            wavecode_0_enabled=1
            wavecode_0_samples=4
            wavecode_0_sep=100
            wavecode_0_scaling=1
            wavecode_0_smoothing=0
            wave_0_per_point1=y = y + value1;
            """
        var driver = PresetDriver(preset: try Preset(text: text, name: "wave"))
        var inputs = LayerFrameInputs(frame: 0, fps: 30)
        let ring = (0..<2048).map { Float($0) * 0.01 }
        inputs.projectM = ProjectMAudio(left: ring, right: ring, newSamples: 1470, scale: 2)
        let (parameters, _) = driver.frame(inputs, mesh: WarpMesh(columns: 4, rows: 4, width: 64, height: 36))
        let wave = try #require(parameters.waves.first)
        // sep is ignored (four points), x starts at 0.5, y at 0.5 + 2·sample.
        #expect(wave.points.count == 4)
        #expect(wave.points.map(\.x) == [0.5, 0.5, 0.5, 0.5])
        #expect(zip(wave.points.map(\.y), [0.5, 0.52, 0.54, 0.56]).allSatisfy { abs($0 - $1) < 1e-5 })
    }
}
