import Foundation
import HUD
import LiveShow
import Selection
import Testing

struct HUDInputTests {
    static func texts(_ model: HUDModel) -> [String] {
        model.panels.flatMap(\.blocks).flatMap { block -> [String] in
            switch block {
            case let .text(text, _): return [text]
            case let .meter(label, _, value, _): return [label + " " + value]
            case let .table(rows, _): return rows.map { $0.joined(separator: " ") }
            case .graph: return []
            }
        }
    }

    static var sample: HUDInput {
        var input = HUDInput()
        input.fps = 59.94
        input.frameTimesMS = [16, 17, 40]
        input.pairID = "pair-0042"
        input.fgPreset = "/lib/a/Geiss - Supernova 1.milk"
        input.bgPreset = "b/Rovastar - Bytes.milk"
        input.warpDiff = 0.1234
        input.cxDiff = 0.05
        input.quality01 = 0.71
        input.lastPick = try? JSONDecoder().decode(PickRecord.self, from: Data("""
            {"time":3,"mode":"weighted","pair_id":"pair-0042","warp_diff":0.1234,"cx_diff":0.05,"strength":0.4,
             "quality01":0.71,"scored":true,"intensity01":0.5,"weight":0.456,"probability":0.25,
             "alternatives":[{"id":"alt-1","weight":0.4},{"id":"alt-2","weight":0.3},{"id":"alt-3","weight":0.2}]}
            """.utf8))
        input.meters.bass = 1.5
        input.meters.energy01 = 0.25
        input.meters.bpm = 128
        input.meters.tempoLocked = true
        input.couplingMode = "debug"
        input.strength = 0.8
        input.audio.source = "default"
        input.audio.xruns = 3
        input.warnings = ["shader fallback: comp shader of Foo"]
        return input
    }

    @Test func showsEveryFieldTheIssueLists() {
        let text = Self.texts(Self.sample.model()).joined(separator: "\n")
        for expected in ["59.9 fps", "pair-0042", "Geiss - Supernova 1", "Rovastar - Bytes", "weighted",
                         "weight 0.456", "alt-1 0.400", "alt-2", "alt-3", "warp_diff 0.123", "cx_diff 0.050",
                         "quality01 0.71", "bass 1.50", "mid", "treb", "energy01 0.25", "accent01", "beatPulse01",
                         "intensity01", "bpm 128.0  locked", "coupling debug", "strength 0.8", "parallax", "dof",
                         "xruns 3", "shader fallback", "? keys"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func frameTimesFeedTheGraphAgainstTheBudget() throws {
        let blocks = Self.sample.model().panels.flatMap(\.blocks)
        let graph = try #require(blocks.first { if case .graph = $0 { return true } else { return false } })
        #expect(graph == .graph(values: [16, 17, 40], scale: 2000.0 / 60, reference: 1000.0 / 60))
    }

    @Test func audioFallbackIsShownAsAWarning() {
        var input = HUDInput()
        input.audio.fallback = true
        input.audio.statusLine = "NO AUDIO INPUT (silence): hw:9 not found"
        let model = input.model()
        let audio = model.panels.first { $0.anchor == .topRight }
        #expect(audio?.blocks.contains(.text("NO AUDIO INPUT (silence): hw:9 not found", color: .warning)) == true)
        #expect(Self.texts(model).contains("pair  —  0.0 s"))
        #expect(Self.texts(model).contains("quality01 unscored") == false)
        #expect(Self.texts(model).joined().contains("quality01 unscored"))
    }

    @Test func helpScreenListsEveryKeyBinding() throws {
        var input = HUDInput()
        input.showHelp = true
        let model = input.model()
        let help = try #require(model.panels.first { $0.anchor == .center })
        let text = Self.texts(HUDModel(panels: [help])).joined(separator: "\n")
        for binding in LiveKey.bindings {
            #expect(text.contains(binding.keys + " " + binding.help))
        }
        #expect(!Self.texts(model).contains("? keys"))
    }

    @Test func frameTimerMeasuresTheLastFrames() {
        var timer = FrameTimer(capacity: 4)
        #expect(timer.fps == 0)
        for index in 0...10 { timer.tick(at: Double(index) * 0.02) }
        #expect(timer.milliseconds.count == 4)
        #expect(abs(timer.fps - 50) < 1e-6)
    }
}

extension HUDInputTests {
    @Test func showStatusMapsOntoTheHUDInput() {
        var status = ShowStatus()
        status.pairID = "p7"
        status.fgPreset = "fg"
        status.bgPreset = "bg"
        status.locked = true
        status.quality01 = 0.4
        status.audio.bass = 1.25
        status.audio.bpm = 120
        status.audio.fallback = true
        status.coupling.mode = .debug
        status.coupling.dof = 0.3
        status.bgTransition = 0.5
        status.warnings = [ShowWarning(kind: .missingTexture, message: "clouds.jpg", time: 1)]
        let input = HUDInput(status: status)
        #expect(input.pairID == "p7" && input.locked && input.quality01 == 0.4)
        #expect(input.meters.bass == 1.25 && input.meters.bpm == 120 && input.audio.fallback)
        #expect(input.couplingMode == "debug" && input.dof == 0.3)
        #expect(input.transition == 0.5)
        #expect(input.warnings == ["missing texture: clouds.jpg"])
        #expect(Self.texts(input.model()).contains("pair  p7  [LOCKED]  0.0 s  blend 50%"))
    }
}
