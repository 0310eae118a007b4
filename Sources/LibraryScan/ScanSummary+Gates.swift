import ScanFormat

extension ScanSummary {
    /// Counts and the four gates over `entries` (one per preset) with `frames` index lines.
    public static func make(entries: [RunManifestEntry], frames: Int, thresholds: ScanThresholds,
                            seconds: Double? = nil, presetsPerSecond: Double? = nil) -> ScanSummary {
        let ok = entries.filter { $0.status == .ok }
        let failed = entries.count - ok.count
        var reasons: [String: Int] = [:]
        for entry in entries { for reason in entry.reasons ?? [] { reasons[reason, default: 0] += 1 } }
        var sameCounts: [String: Int] = [:]
        for entry in entries { if let sha = entry.firstFrameSHA1 { sameCounts[sha, default: 0] += 1 } }
        let lumas = ok.compactMap(\.avgLuma)
        let motions = ok.compactMap(\.motion)
        func range(_ values: [Double]) -> Double? {
            guard let low = values.min(), let high = values.max() else { return nil }
            return PresetVerdict.round6(high - low)
        }
        let gates = [
            ScanGate(name: "okRate", value: entries.isEmpty ? nil : PresetVerdict.round6(Double(ok.count) / Double(entries.count)),
                     comparison: ">=", threshold: thresholds.gateOkRate),
            ScanGate(name: "topSame",
                     value: entries.isEmpty ? nil : PresetVerdict.round6(Double(sameCounts.values.max() ?? 0) / Double(entries.count)),
                     comparison: "<", threshold: thresholds.gateTopSame),
            ScanGate(name: "lumaRange", value: range(lumas), comparison: ">", threshold: thresholds.gateLumaRange),
            ScanGate(name: "motionRange", value: range(motions), comparison: ">", threshold: thresholds.gateMotionRange),
        ]
        return ScanSummary(presets: entries.count, ok: ok.count, failed: failed,
                           strict: ok.filter { $0.tier == .strict }.count, dark: ok.filter { $0.tier == .dark }.count,
                           frames: frames, reasons: reasons, gates: gates, seconds: seconds, presetsPerSecond: presetsPerSecond)
    }

    /// The printed form: one line of counts, then one line per gate.
    public var text: String {
        var lines = ["presets \(presets): ok \(ok) (strict \(strict), dark \(dark)), failed \(failed); frames \(frames)"]
        if !reasons.isEmpty {
            lines.append("reasons: " + reasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        for gate in gates {
            let value = gate.value.map { String(format: "%.4f", $0) } ?? "n/a"
            lines.append("gate \(gate.name): \(value) \(gate.comparison) \(gate.threshold) \(gate.pass ? "PASS" : "FAIL")")
        }
        if let seconds {
            lines.append(String(format: "time %.1f s", seconds) + (presetsPerSecond.map { String(format: ", %.2f presets/s", $0) } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
