import MilkPreset
@testable import MilkRenderer
import Testing

/// MilkDrop's `progress` reaches preset code and shaders from `LayerFrameInputs.progress`.
struct ProgressTests {
    @Test func perFrameCodeSeesTheInputsProgress() throws {
        let preset = try Preset(text: "[preset00]\nper_frame_1=dx = progress;\n", name: "progress")
        var driver = PresetDriver(preset: preset)
        var inputs = LayerFrameInputs(frame: 30, fps: 30)
        inputs.progress = 0.25
        let (parameters, _) = driver.frame(inputs, mesh: WarpMesh(columns: 4, rows: 4, width: 64, height: 36))
        #expect(parameters.motion.dx == 0.25)
    }

    @Test func lockedPresetRunsOverProjectMsSixtySecondsOrMilkDropsDefaultTime() {
        #expect(RenderCompatibility.projectM3.lockedPresetSeconds == 60)
        #expect(RenderCompatibility.milkdrop.lockedPresetSeconds == 18.7)
    }
}
