import MilkPreset
@testable import MilkRenderer
import Testing

struct PresetDriverTests {
    static func preset(_ text: String) throws -> Preset {
        try Preset(text: "[preset00]\n" + text, name: "test")
    }

    static let mesh = WarpMesh(columns: 4, rows: 4, width: 160, height: 90)

    @Test func perFrameStartsEveryFrameFromTheBaseValues() throws {
        var driver = PresetDriver(preset: try Self.preset("zoom=1.5\nper_frame_1=zoom = zoom + 0.25;\n"))
        for frame in 0..<3 {
            let (parameters, _) = driver.frame(LayerFrameInputs(frame: frame, fps: 30), mesh: Self.mesh)
            #expect(parameters.motion.zoom == 1.75)
        }
    }

    @Test func userVariablesPersistAndInitRunsOnce() throws {
        let text = "per_frame_init_1=count = 10;\nper_frame_1=count = count + 1; rot = count;\n"
        var driver = PresetDriver(preset: try Self.preset(text))
        var rotations: [Float] = []
        for frame in 0..<3 {
            rotations.append(driver.frame(LayerFrameInputs(frame: frame, fps: 30), mesh: Self.mesh).0.motion.rotation)
        }
        #expect(rotations == [11, 12, 13])
    }

    @Test func qVariablesFlowFromPerFrameIntoPerPixelAndResetToTheirInitValues() throws {
        let text = """
            per_frame_init_1=q1 = 0.5;
            per_frame_1=q1 = q1 + 0.1; dx = q1;
            per_pixel_1=dy = q1 * x;
            """
        var driver = PresetDriver(preset: try Self.preset(text))
        for frame in 0..<2 {
            let (parameters, field) = driver.frame(LayerFrameInputs(frame: frame, fps: 30), mesh: Self.mesh)
            #expect(abs(parameters.motion.dx - 0.6) < 1e-6)
            let motions = try #require(field?.motions)
            #expect(motions.count == Self.mesh.vertexCount)
            let last = Self.mesh.vertexCount - 1
            #expect(abs(motions[last].dy - 0.6 * Self.mesh.x[last]) < 1e-5)
            #expect(abs(motions[last].dx - 0.6) < 1e-6)
        }
    }

    @Test func shapesRunOncePerInstanceWithTheInstanceNumber() throws {
        let text = """
            shapecode_0_enabled=1
            shapecode_0_num_inst=3
            shapecode_0_sides=5
            shape_0_per_frame1=x = 0.1 + 0.2*instance;
            """
        var driver = PresetDriver(preset: try Self.preset(text))
        let (parameters, _) = driver.frame(LayerFrameInputs(frame: 0, fps: 30), mesh: Self.mesh)
        #expect(parameters.shapes.map(\.x).map { ($0 * 10).rounded() / 10 } == [0.1, 0.3, 0.5])
        #expect(parameters.shapes.allSatisfy { $0.sides == 5 })
    }

    @Test func customWavesGiveOnePointPerSampleFromTheirPerPointCode() throws {
        let text = """
            wavecode_0_enabled=1
            wavecode_0_samples=100
            wave_0_per_frame1=t1 = 0.25;
            wave_0_per_point1=x = sample; y = t1;
            """
        var driver = PresetDriver(preset: try Self.preset(text))
        let (parameters, _) = driver.frame(LayerFrameInputs(frame: 0, fps: 30), mesh: Self.mesh)
        let wave = try #require(parameters.waves.first)
        #expect(wave.points.count == 100)
        #expect(wave.points.first?.x == 0 && wave.points.last?.x == 1)
        #expect(wave.points.allSatisfy { $0.y == 0.25 })
    }

    /// Bug: per_point saw the main per_frame's q values, not the ones the wave's own per_frame set, so the
    /// 3-D projections of "iMuS and Rovastar - The Shroomery" (q1…q4 set per wave) collapsed to a few dots.
    @Test func wavePerPointSeesTheQValuesItsPerFrameSet() throws {
        let text = """
            per_frame_1=q1 = 0.1; q2 = 0.7;
            wavecode_0_enabled=1
            wavecode_0_samples=10
            wave_0_per_frame1=q1 = 0.4;
            wave_0_per_point1=x = q1; y = q2;
            """
        var driver = PresetDriver(preset: try Self.preset(text))
        let (parameters, _) = driver.frame(LayerFrameInputs(frame: 0, fps: 30), mesh: Self.mesh)
        let wave = try #require(parameters.waves.first)
        #expect(wave.points.allSatisfy { abs($0.x - 0.4) < 1e-6 }, "q1 as the wave's per_frame set it")
        #expect(wave.points.allSatisfy { abs($0.y - 0.7) < 1e-6 }, "q2 from the main per_frame, passed through")
    }

    @Test func builtInInputsAreVisibleToTheCode() throws {
        let text = "per_frame_1=wave_x = time; wave_y = frame; warp = meshx;\n"
        var driver = PresetDriver(preset: try Self.preset(text))
        let (parameters, _) = driver.frame(LayerFrameInputs(frame: 6, fps: 30), mesh: Self.mesh)
        #expect(abs(parameters.waveX - 0.2) < 1e-6)
        #expect(parameters.waveY == 6)
        #expect(parameters.motion.warp == 4)
    }
}
