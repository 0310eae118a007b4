import CGL
import GraphicsCore

/// Speed measurements of the layer, reported as frames per second of the render loop only.
public enum RenderBenchmark {
    /// The floor: an empty two-pass feedback frame (warp of the previous frame, then the composite), nothing drawn.
    public static func floor(width: Int, height: Int, frames: Int, mesh: (columns: Int, rows: Int) = (48, 36)) throws -> RenderSummary {
        var parameters = LayerParameters()
        parameters.waveColor.w = 0
        parameters.gamma = 1
        var driver = StaticDriver(parameters)
        var audio = SilentAudio()
        let job = RenderJob(presetName: "floor", width: width, height: height, frames: frames, fps: 60, captures: [],
                            outputDirectory: "", meshColumns: mesh.columns, meshRows: mesh.rows)
        return try job.run(driver: &driver, audio: &audio)
    }
}
