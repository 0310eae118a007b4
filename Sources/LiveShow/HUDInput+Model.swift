import Foundation
import HUD

extension HUDInput {
    /// What the HUD draws for this input: the show panel (top left), the audio panel (top right), warnings
    /// and notices (bottom left), and the key help in the centre when asked for.
    public func model() -> HUDModel {
        var panels = [showPanel(), audioPanel()]
        let messages = messageBlocks()
        if !messages.isEmpty { panels.append(HUDPanel(anchor: .bottomLeft, blocks: messages)) }
        if showHelp {
            panels.append(Self.helpPanel())
        } else {
            panels.append(HUDPanel(anchor: .bottomRight, blocks: [.text("? keys", color: .dim)]))
        }
        return HUDModel(panels: panels)
    }

    /// The `?` screen: every key and what it does.
    public static func helpPanel() -> HUDPanel {
        let rows = [["key", "does"]] + LiveKey.bindings.map { [$0.keys, $0.help] }
        return HUDPanel(anchor: .center, blocks: [
            .text("aivj live: keys", color: .title),
            .table(rows: rows),
            .text("? or F1 closes this", color: .dim),
        ])
    }

    func showPanel() -> HUDPanel {
        var blocks: [HUDBlock] = []
        let lastMS = frameTimesMS.last ?? 0
        blocks.append(.text("AIVJ live  \(fixed(fps, 1)) fps  \(fixed(lastMS, 1)) ms", color: .title))
        blocks.append(.graph(values: frameTimesMS, scale: budgetMS * 2, reference: budgetMS))
        var pairLine = "pair  " + (pairID ?? "—")
        if locked { pairLine += "  [LOCKED]" }
        pairLine += "  \(fixed(pairElapsed, 1)) s"
        if let transition { pairLine += "  blend \(Int((min(1, max(0, transition)) * 100).rounded()))%" }
        blocks.append(.text(pairLine))
        blocks.append(.text("FG  " + Self.displayName(fgPreset)))
        blocks.append(.text("BG  " + Self.displayName(bgPreset)))
        let quality = quality01.map { fixed($0, 2) } ?? "unscored"
        blocks.append(.text("warp_diff \(fixed(warpDiff, 3))  cx_diff \(fixed(cxDiff, 3))  quality01 \(quality)"))
        if let pick = lastPick {
            blocks.append(.text("pick  \(pickMode.rawValue)  last: \(pick.mode.rawValue)  weight \(fixed(pick.weight, 3))  p \(fixed(pick.probability, 2))"))
            if let note = pick.note { blocks.append(.text("  " + note, color: .dim)) }
            if !pick.alternatives.isEmpty {
                blocks.append(.table(rows: [["alternatives", "weight"]] + pick.alternatives.map { [$0.id, fixed($0.weight, 3)] }))
            }
        } else {
            blocks.append(.text("pick  \(pickMode.rawValue)  (no pick yet)"))
        }
        blocks.append(.text("coupling \(couplingMode)  strength \(fixed(strength, 1))  parallax \(fixed(parallax, 1))  dof \(fixed(dof, 1))"))
        return HUDPanel(anchor: .topLeft, blocks: blocks)
    }

    func audioPanel() -> HUDPanel {
        // MilkDrop's bands hover around 1 for average loudness, so 2 fills the bar.
        func band(_ label: String, _ value: Double) -> HUDBlock {
            .meter(label: label, fraction: value / 2, value: fixed(value, 2))
        }
        func unit(_ label: String, _ value: Double, _ color: HUDColor = .meter) -> HUDBlock {
            .meter(label: label, fraction: value, value: fixed(value, 2), color: color)
        }
        var blocks: [HUDBlock] = [
            band("bass", meters.bass), band("mid", meters.mid), band("treb", meters.treb),
            unit("energy01", meters.energy01), unit("accent01", meters.accent01),
            unit("beatPulse01", meters.beatPulse01, .title), unit("intensity01", meters.intensity01, .good),
            .text(meters.bpm > 0 ? "bpm \(fixed(meters.bpm, 1))" + (meters.tempoLocked ? "  locked" : "") : "bpm —"),
        ]
        var sourceLine = "audio  " + (audio.source.isEmpty ? "—" : audio.source)
        if let xruns = audio.xruns { sourceLine += "  xruns \(xruns)" }
        blocks.append(.text(sourceLine, color: audio.fallback ? .warning : .text))
        if let line = audio.statusLine {
            blocks.append(.text(line, color: .warning))
        } else if audio.fallback {
            blocks.append(.text("NO AUDIO INPUT: playing silence", color: .warning))
        }
        return HUDPanel(anchor: .topRight, blocks: blocks)
    }

    func messageBlocks() -> [HUDBlock] {
        warnings.map { .text("! " + $0, color: .warning) } + notices.map { .text($0, color: .title) }
    }

    /// A preset path as the HUD names it: the file name without `.milk`.
    static func displayName(_ path: String) -> String {
        guard !path.isEmpty else { return "—" }
        let name = (path as NSString).lastPathComponent
        return name.lowercased().hasSuffix(".milk") ? String(name.dropLast(5)) : name
    }
}

/// `value` with `digits` decimals ("—" when not finite).
func fixed(_ value: Double, _ digits: Int) -> String {
    value.isFinite ? String(format: "%.\(digits)f", value) : "—"
}
