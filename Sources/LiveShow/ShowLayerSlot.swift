import Coupling
import GraphicsCore
import MilkRenderer

/// A preset playing (or blending in) in a slot: its compiled code and its name.
struct PlayingPreset {
    var driver: any LayerDriver
    let name: String
    let path: String

    init(_ prepared: PreparedPreset) {
        driver = prepared.driver
        name = prepared.name
        path = prepared.path
    }
}

/// One of the show's two layer positions (BG or FG): one `MilkLayer` and the preset playing in it, and during a
/// pair change MilkDrop 2's blend (`PresetTransition`) from the old preset to the new one in that same layer.
///
/// As in MilkDrop, both presets run their code during the blend and one feedback loop draws the result, so the new
/// preset grows out of the old one's picture (no black frame, no second layer). The slot's single layer lives as
/// long as the show, so pair changes make no framebuffers.
final class ShowLayerSlot {
    private let width: Int
    private let height: Int
    private let meshColumns: Int
    private let meshRows: Int
    /// Made by the first preset, seeded with that change's seed (hue phases, shader random values).
    private var layer: MilkLayer?
    private(set) var current: PlayingPreset?
    /// The preset blending in, while `transition` runs.
    private var incoming: PlayingPreset?
    private var transition: PresetTransition?
    /// Progress 0…1 of the running transition, nil when none runs.
    private(set) var progress: Double?

    init(width: Int, height: Int, meshColumns: Int, meshRows: Int) {
        self.width = width
        self.height = height
        self.meshColumns = meshColumns
        self.meshRows = meshRows
    }

    /// The picture of the last frame.
    var texture: Texture2D? { layer?.picture.texture }
    /// The size the next frames composite at (half for a plane the compositor shows only or mostly blurred).
    var pictureSize: PictureSize = .full
    /// Whether the next frame may leave a MilkDrop 1 composite to the compositor (`MilkLayer.defersComposite`).
    var defersComposite = false
    /// The composite the last frame left undrawn (then `texture` is stale).
    var deferredComposite: DeferredComposite? { layer?.deferredComposite }

    /// Starts playing `prepared` at `time`, blending MilkDrop's way over `length` seconds from what plays now (at
    /// once when nothing plays). A transition still running ends first: its incoming preset becomes the current
    /// one. `seed` seeds the blend pattern (and the layer, when this is the first preset).
    func start(_ prepared: PreparedPreset, seed: UInt64, at time: Double, length: Double) throws {
        finishTransition()
        let next = PlayingPreset(prepared)
        if layer == nil {
            let made = try wrapGraphics {
                try MilkLayer(width: width, height: height, meshColumns: meshColumns, meshRows: meshRows, seed: seed)
            }
            // Blur pyramid and noise textures now, with the first pair (which is always waited for): a MilkDrop 2
            // preset later in the show makes nothing on the render thread.
            try wrapGraphics { try made.prepareShaderResources() }
            layer = made
        }
        // Programs compiled off the render thread: the blend's first frame compiles nothing.
        if let compiled = prepared.compiled { try wrapGraphics { try layer?.adopt(compiled) } }
        guard let layer, let current, length > 0 else {
            current = next
            progress = nil
            return
        }
        transition = PresetTransition(from: current.driver, to: next.driver, start: time, duration: length,
                                      mesh: layer.mesh, seed: seed)
        incoming = next
    }

    /// Renders this frame of whatever plays, blended while a transition runs; `profile` gets "`stage` code" and
    /// "`stage` draw".
    func render(_ inputs: LayerFrameInputs, time: Double, profile: inout StageProfile, stage: String) throws {
        guard let layer else { return }
        layer.pictureSize = pictureSize
        layer.defersComposite = defersComposite
        if let running = transition, running.isFinished(at: time) { finishTransition() }
        if var running = transition {
            let frame = running.frame(inputs, mesh: layer.mesh)
            transition = running
            progress = Double(frame.progress)
            profile.mark(stage + " code")
            try wrapGraphics { try layer.render(frame, inputs: inputs) }
            profile.mark(stage + " draw")
            return
        }
        guard var current else { return }
        progress = nil
        let (parameters, field) = current.driver.frame(inputs, mesh: layer.mesh)
        self.current = current
        profile.mark(stage + " code")
        try wrapGraphics { try layer.render(parameters, inputs: inputs, warpField: field) }
        profile.mark(stage + " draw")
    }

    /// Ends a running transition: the incoming preset, with the state its code reached while blending, plays on.
    private func finishTransition() {
        guard let running = transition, var next = incoming else { return }
        next.driver = running.to
        current = next
        transition = nil
        incoming = nil
        progress = nil
    }

    /// The preset on screen: the incoming one during a transition.
    var shownName: String { incoming?.name ?? current?.name ?? "" }
}

extension ShowLayerSlot {
    /// The layer's lines to report since the last call (a shader stage that did not compile).
    func takeDiagnostics() -> [String] { layer?.takeDiagnostics() ?? [] }
}
