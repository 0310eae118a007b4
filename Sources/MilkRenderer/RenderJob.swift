import CGL
import Foundation
import GraphicsCore
import Recording

/// A headless render of N frames with chosen frames written as PNG: what `aivj render` runs.
public struct RenderJob: Sendable {
    public var presetName: String
    public var width: Int
    public var height: Int
    public var frames: Int
    public var fps: Double
    public var captures: Set<Int>
    public var outputDirectory: String
    public var meshColumns: Int
    public var meshRows: Int
    public var seed: UInt64
    /// projectM 3.1.12 renders into a smaller feedback texture (`RenderCompatibility.feedbackSize`).
    public var compatibility: RenderCompatibility
    /// Times each stage of every frame (`StageProfile`) into `RenderSummary.profile`; slows the run down.
    public var profile = false

    public init(presetName: String, width: Int, height: Int, frames: Int, fps: Double, captures: Set<Int>,
                outputDirectory: String, meshColumns: Int = 48, meshRows: Int = 36, seed: UInt64 = 1,
                compatibility: RenderCompatibility = .milkdrop) {
        self.presetName = presetName
        self.width = width
        self.height = height
        self.frames = frames
        self.fps = fps
        self.captures = captures
        self.outputDirectory = outputDirectory
        self.meshColumns = meshColumns
        self.meshRows = meshRows
        self.seed = seed
        self.compatibility = compatibility
    }

    /// The file a captured frame goes to: `frame-XXXXX.png`, as projectm-ref names them.
    public static func fileName(frame: Int) -> String {
        let digits = String(frame)
        return "frame-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".png"
    }

    /// Renders every frame on a fresh headless context; `seconds` covers the render loop, not readback or PNG encoding.
    /// `report` gets the layer's diagnostics (a shader stage that did not compile) as they arise.
    public func run(driver: inout some LayerDriver, audio: inout some FrameAudioSource,
                    report: (String) -> Void = { _ in }) throws -> RenderSummary {
        if !captures.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
            } catch {
                throw MilkRendererError.io(path: outputDirectory, message: "cannot create the folder")
            }
        }
        return try run(driver: &driver, audio: &audio, report: report) { pixels, frame in try write(pixels, frame: frame) }
    }

    /// The same render, handing each captured frame's RGB pixels (top row first) to `capture` instead of writing
    /// a PNG (the library scan measures and encodes them itself); `seconds` leaves out the time spent in `capture`.
    public func run(driver: inout some LayerDriver, audio: inout some FrameAudioSource, report: (String) -> Void = { _ in },
                    capture: (_ pixels: [UInt8], _ frame: Int) throws -> Void) throws -> RenderSummary {
        guard fps > 0, frames >= 0 else { throw MilkRendererError.badSize(what: "frames/fps", value: "\(frames)/\(fps)") }
        let context = try wrapGraphics { try HeadlessContext() }
        // projectM's mesh size counts vertices, MilkDrop's counts cells.
        let cells = compatibility == .projectM3 ? (max(meshColumns - 1, 2), max(meshRows - 1, 2)) : (meshColumns, meshRows)
        let layer = try MilkLayer(width: width, height: height, meshColumns: cells.0, meshRows: cells.1, seed: seed,
                                  compatibility: compatibility)
        if profile { layer.profile = StageProfile(enabled: true) }
        // Timed as projectm-ref times itself: the whole loop (audio, code, drawing) with one glFinish at the end,
        // less the time spent reading back and encoding captures.
        let clock = ContinuousClock()
        var captureTime = Duration.zero
        let start = clock.now
        for frame in 0..<frames {
            layer.profile?.beginFrame()
            var inputs = try audio.inputs(frame: frame, fps: fps)
            // One preset and no switch: progress runs over the preset's default display time.
            inputs.progress = inputs.time / compatibility.lockedPresetSeconds
            let (parameters, field) = driver.frame(inputs, mesh: layer.mesh)
            layer.profile?.end(.code)
            try layer.render(parameters, inputs: inputs, warpField: field)
            for line in layer.takeDiagnostics() { report(line) }
            if captures.contains(frame) {
                let captureStart = clock.now
                try capture(layer.readOutput(), frame)
                captureTime += clock.now - captureStart
            }
        }
        glFinish()
        let elapsed = clock.now - start - captureTime
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var summary = RenderSummary(preset: presetName, frames: frames, width: width, height: height, seconds: seconds,
                                    fps: seconds > 0 ? Double(frames) / seconds : 0, renderer: context.info.renderer)
        summary.profile = layer.profile
        return summary
    }

    private func write(_ pixels: [UInt8], frame: Int) throws {
        let path = outputDirectory + "/" + Self.fileName(frame: frame)
        do {
            let image = try RGBImage(width: width, height: height, pixels: pixels)
            let data = Data(try PNGCodec.encode(image))
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as RecordingError {
            throw MilkRendererError.io(path: path, message: error.description)
        } catch {
            throw MilkRendererError.io(path: path, message: "cannot write the file")
        }
    }
}

/// The JSON line `aivj render` prints, with projectm-ref's field names.
public struct RenderSummary: Sendable, Codable, Equatable {
    public var preset: String
    public var frames: Int
    public var width: Int
    public var height: Int
    public var seconds: Double
    public var fps: Double
    public var renderer: String
    /// Per-stage times when the job was profiled (not part of the JSON line).
    public var profile: StageProfile?

    private enum CodingKeys: String, CodingKey { case preset, frames, width, height, seconds, fps, renderer }

    public init(preset: String, frames: Int, width: Int, height: Int, seconds: Double, fps: Double, renderer: String) {
        self.preset = preset
        self.frames = frames
        self.width = width
        self.height = height
        self.seconds = seconds
        self.fps = fps
        self.renderer = renderer
    }

    /// One line of JSON with the keys in projectm-ref's order.
    public var jsonLine: String {
        func quoted(_ text: String) -> String {
            guard let data = try? JSONEncoder().encode(text), let json = String(data: data, encoding: .utf8) else { return "\"\"" }
            return json.replacingOccurrences(of: "\\/", with: "/")
        }
        let secondsText = String(format: "%.3f", seconds)
        let fpsText = String(format: "%.2f", fps)
        return "{\"preset\":\(quoted(preset)),\"frames\":\(frames),\"width\":\(width),\"height\":\(height),"
            + "\"seconds\":\(secondsText),\"fps\":\(fpsText),\"renderer\":\(quoted(renderer))}"
    }
}

func wrapGraphics<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as GraphicsCoreError { throw MilkRendererError.graphics(error) }
}
