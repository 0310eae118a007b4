import Coupling
import GraphicsCore
import MilkRenderer

/// A preset playing in a layer of its own.
final class PlayingLayer {
    let layer: MilkLayer
    var driver: any LayerDriver
    let name: String
    let path: String

    /// Plays `prepared` in `reused` (reset first) or, when there is none, in a new layer seeded with `seed`.
    init(_ prepared: PreparedPreset, reusing reused: MilkLayer?, width: Int, height: Int, meshColumns: Int, meshRows: Int,
         seed: UInt64) throws {
        if let reused {
            reused.reset()
            layer = reused
        } else {
            layer = try wrapGraphics {
                try MilkLayer(width: width, height: height, meshColumns: meshColumns, meshRows: meshRows, seed: seed)
            }
        }
        driver = prepared.driver
        name = prepared.name
        path = prepared.path
    }

    /// Runs the preset's code for this frame and draws it; `profile` gets "`stage` code" and "`stage` draw".
    func render(_ inputs: LayerFrameInputs, profile: inout StageProfile, stage: String) throws {
        let (parameters, field) = driver.frame(inputs, mesh: layer.mesh)
        profile.mark(stage + " code")
        try wrapGraphics { try layer.render(parameters, inputs: inputs, warpField: field) }
        profile.mark(stage + " draw")
    }
}

/// One of the show's two layer positions (BG or FG): the preset playing, and during a pair change the
/// incoming one, soft-blended into the picture the compositor reads.
///
/// A slot owns at most two `MilkLayer`s for its whole life: the layer a finished transition leaves behind is
/// kept and reset for the next preset, so pair changes make no GL objects (and compile no shaders).
final class ShowLayerSlot {
    private let width: Int
    private let height: Int
    private let meshColumns: Int
    private let meshRows: Int
    private(set) var current: PlayingLayer?
    private(set) var incoming: PlayingLayer?
    /// A layer no preset plays in, kept for the next one.
    private var spare: MilkLayer?
    private var transitionStart = 0.0
    private var transitionLength = 0.0
    private let transition: LayerTransition
    /// The picture of the last frame.
    private(set) var texture: Texture2D?
    /// Progress 0…1 of the running transition, nil when none runs.
    private(set) var progress: Double?

    init(width: Int, height: Int, meshColumns: Int, meshRows: Int) throws {
        self.width = width
        self.height = height
        self.meshColumns = meshColumns
        self.meshRows = meshRows
        transition = try wrapGraphics { try LayerTransition(width: width, height: height) }
    }

    /// Starts playing `prepared` at `time`, blending over `length` seconds from what plays now (at once when
    /// nothing plays). A transition still running ends first: its incoming preset becomes the current one.
    func start(_ prepared: PreparedPreset, seed: UInt64, at time: Double, length: Double) throws {
        if let incoming {
            // The layer being blended away is dropped; kept as the spare when there is none.
            if spare == nil { spare = current?.layer }
            current = incoming
        }
        incoming = nil
        if current == nil || length <= 0 {
            // A cut: the preset plays in the layer on screen (reset), or in a first layer.
            let reused = current?.layer ?? spare
            if reused === spare { spare = nil }
            current = try PlayingLayer(prepared, reusing: reused, width: width, height: height,
                                       meshColumns: meshColumns, meshRows: meshRows, seed: seed)
            progress = nil
            return
        }
        let playing = try PlayingLayer(prepared, reusing: spare, width: width, height: height, meshColumns: meshColumns,
                                       meshRows: meshRows, seed: seed)
        spare = nil
        incoming = playing
        transitionStart = time
        transitionLength = length
    }

    /// Renders this frame of whatever plays, and the transition between them.
    func render(_ inputs: LayerFrameInputs, time: Double, profile: inout StageProfile, stage: String) throws {
        guard let current else { return }
        try current.render(inputs, profile: &profile, stage: stage)
        guard let incoming else {
            texture = current.layer.output.texture
            progress = nil
            return
        }
        try incoming.render(inputs, profile: &profile, stage: stage)
        let done = (time - transitionStart) / transitionLength
        if done >= 1 {
            spare = current.layer
            self.current = incoming
            self.incoming = nil
            texture = incoming.layer.output.texture
            progress = nil
            return
        }
        try blend(from: current.layer, to: incoming.layer, progress: max(0, done))
        profile.mark(stage + " blend")
        texture = transition.output.texture
        progress = max(0, done)
    }

    /// The one call to MilkRenderer's soft transition (a crossfade today, MilkDrop's blend when it lands).
    private func blend(from: MilkLayer, to: MilkLayer, progress: Double) throws {
        try wrapGraphics { try transition.mix(from: from, to: to, progress: progress) }
    }

    /// The preset on screen: the incoming one during a transition.
    var shownName: String { incoming?.name ?? current?.name ?? "" }
}
