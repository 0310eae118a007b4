import AudioAnalysis
import Coupling
import Foundation
import GraphicsCore
import LiveShow
import Selection
import Testing

/// The fixture pack: the project's own presets, four pairs.
let fixturePack = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/LiveShow/pack").path

@Suite(.serialized)
struct ShowTests {
    static func configuration(seed: UInt64 = 3) -> ShowConfiguration {
        ShowConfiguration(width: 96, height: 54, fps: 30, seed: seed,
                          policy: PairChangePolicy(fixedInterval: 1, transitionSeconds: 0.5),
                          meshColumns: 8, meshRows: 6)
    }

    /// Renders `frames` frames of a synthetic 128 BPM track and returns the last picture and the status.
    static func run(frames: Int, seed: UInt64 = 3) throws -> (pixels: [UInt8], status: ShowStatus, picks: [PickRecord]) {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (pairs, problems) = try ShowPack.load(fixturePack)
        #expect(problems.isEmpty)
        let show = try Show(pairs: pairs, configuration: configuration(seed: seed))
        let analyzer = try AudioAnalyzer(sampleRate: 44100, fps: 30)
        let signal = TestSignal.steady(bpm: 128, seconds: Double(frames) / 30 + 1)
        let (left, right) = signal.render()
        var picks: [PickRecord] = []
        for frame in 0..<frames {
            let range = (frame * 44100 / 30)..<((frame + 1) * 44100 / 30)
            let audio = analyzer.analyze(left: Array(left[range]), right: Array(right[range]))
            try show.advance(audio: audio, time: Double(frame) / 30)
            picks += show.takeNewPicks()
        }
        return (try show.readOutput(), show.status, picks)
    }

    @Test func playsPairsChangingAtTheIntervalWithStatusForTheHUD() throws {
        let (pixels, status, picks) = try Self.run(frames: 75)
        #expect(status.frame == 75)
        // Picks at 0 s, 1 s and 2 s, never the same pair twice running.
        #expect(picks.count == 3)
        #expect(zip(picks, picks.dropFirst()).allSatisfy { $0.pairID != $1.pairID })
        #expect(status.pairID == picks.last?.pairID)
        #expect(!status.fgPreset.isEmpty && !status.bgPreset.isEmpty)
        #expect(status.lastPick?.alternatives.isEmpty == false)
        #expect(status.pose != nil)
        let mean = pixels.reduce(0) { $0 + Int($1) } / pixels.count
        #expect(mean > 2)
    }

    @Test func theSameSeedGivesTheSameFramesAndPicks() throws {
        let first = try Self.run(frames: 40, seed: 5)
        let second = try Self.run(frames: 40, seed: 5)
        #expect(first.pixels == second.pixels)
        #expect(first.picks == second.picks)
    }

    @Test func aRequestChangesPairOnTheNextFrameEvenWhenLocked() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (pairs, _) = try ShowPack.load(fixturePack)
        let show = try Show(pairs: pairs, configuration: Self.configuration())
        show.locked = true
        for frame in 0..<40 { try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30) }
        #expect(show.takeNewPicks().count == 1)
        show.requestPair(id: "wave-over-borders")
        try show.advance(audio: .silent(frame: 40, fps: 30), time: 40.0 / 30)
        #expect(show.status.pairID == "wave-over-borders")
        #expect(show.status.lastChange == .request)
        #expect(show.pairHistory.count == 2 && show.pairHistory.last == "wave-over-borders")
        #expect(show.status.fgTransition != nil || show.status.bgTransition != nil)
    }

    @Test func theBackgroundLayerRendersAtItsScale() throws {
        var configuration = Self.configuration()
        #expect(configuration.backgroundScale == ShowConfiguration.defaultBackgroundScale)
        configuration.backgroundScale = 0.5
        #expect(configuration.backgroundSize == (48, 27) as (Int, Int))
        configuration.backgroundScale = 1
        #expect(configuration.backgroundSize == (96, 54) as (Int, Int))
        // Never below 16 pixels a side; out of range is a clear error.
        #expect(ShowConfiguration(width: 40, height: 20, backgroundScale: 0.25).backgroundSize == (16, 16) as (Int, Int))
        configuration.backgroundScale = 0.1
        #expect(throws: LiveShowError.self) { try configuration.validated() }
    }

    @Test func presetsSeeMilkDropProgressThroughTheDwell() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let pack = URL(fileURLWithPath: fixturePack).deletingLastPathComponent().appendingPathComponent("progress-pack").path
        let (pairs, problems) = try ShowPack.load(pack)
        #expect(problems.isEmpty)
        var configuration = Self.configuration()
        configuration.policy = PairChangePolicy(minimumDwell: 2, maximumDwell: 60)
        configuration.coupling = CouplingParameters(mode: .off)
        let show = try Show(pairs: pairs, configuration: configuration)
        // The border's grey near a corner, as each layer drew it (flat mix of the same preset).
        var greys: [Int: Int] = [:]
        for frame in 0...90 {
            try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30)
            if [3, 30, 57, 90].contains(frame) {
                let pixels = try show.readOutput()
                greys[frame] = Int(pixels[(2 * configuration.width + 2) * 3])
            }
        }
        // 0.05, 0.5 and 0.95 of the two-second minimum dwell, then held at 1 while silence postpones the change.
        #expect(abs((greys[3] ?? -1) - 13) <= 3)
        #expect(abs((greys[30] ?? -1) - 128) <= 3)
        #expect(abs((greys[57] ?? -1) - 242) <= 3)
        #expect((greys[90] ?? -1) >= 253)
    }

    /// A sharp MilkDrop 1 FG composited in the scene pass gives the picture of its layer drawing the composite:
    /// gamma above 1 (bright texels clamp) and hue shading (weights that vary over the picture), in 3D and flat.
    @Test func aSharpForegroundCompositedInTheSceneLooksAsItsLayerDrawsIt() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let presets = URL(fileURLWithPath: fixturePack).appendingPathComponent("presets")
        let pack = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-composited-\(getpid())")
        try FileManager.default.createDirectory(at: pack.appendingPathComponent("presets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: pack) }
        let shape = try String(contentsOf: presets.appendingPathComponent("custom-shape.milk"), encoding: .utf8)
            .replacingOccurrences(of: "fGammaAdj=1.000000", with: "fGammaAdj=1.700000")
            .replacingOccurrences(of: "fShader=0.000000", with: "fShader=1.000000")
        try shape.write(to: pack.appendingPathComponent("presets/gamma-hue-shape.milk"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: presets.appendingPathComponent("borders.milk"),
                                         to: pack.appendingPathComponent("presets/borders.milk"))
        try """
        {"format": "aivj-pairs-manifest", "formatVersion": 0,
         "made": {"method": "test", "tool": "ShowTests"},
         "pairs": [{"id": "gamma-hue-over-borders", "fg": "presets/gamma-hue-shape.milk", "bg": "presets/borders.milk",
                    "warp_diff": 0.1, "cx_diff": 0.0}]}
        """.write(to: pack.appendingPathComponent("pairs-manifest.v0.json"), atomically: true, encoding: .utf8)
        let (pairs, problems) = try ShowPack.load(pack.path)
        #expect(problems.isEmpty)
        var sharp = CouplingParameters(strength: 1, parallax: 1, dof: 1)
        sharp.focusFollowsMusic = false
        for coupling in [sharp, CouplingParameters(mode: .off)] {
            var configuration = Self.configuration()
            configuration.coupling = coupling
            var pictures: [[UInt8]] = []
            for composites in [true, false] {
                let show = try Show(pairs: pairs, configuration: configuration)
                show.compositesForeground = composites
                for frame in 0..<30 {
                    try show.advance(audio: .silent(frame: frame, fps: 30), time: Double(frame) / 30)
                }
                #expect(show.foregroundCompositedInScene == composites)
                pictures.append(try show.readOutput())
            }
            let largest = zip(pictures[0], pictures[1]).reduce(0) { max($0, abs(Int($1.0) - Int($1.1))) }
            #expect(largest <= 2)
            #expect(pictures[0].reduce(0) { $0 + Int($1) } / pictures[0].count > 10)
        }
    }

    @Test func aPackWithoutUsablePairsIsAClearError() {
        #expect(throws: LiveShowError.self) { try ShowPack.load(fixturePack + "/presets") }
    }
}
