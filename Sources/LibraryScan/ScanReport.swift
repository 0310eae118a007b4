import Foundation
import ScanFormat

/// `scan-report.html`: one static page with the gates, histograms (inline SVG) and thumbnail grids per tier and of
/// failures; images are linked relative to the scan folder, so the folder can be moved or served as it is.
public enum ScanReport {
    /// Thumbnails per grid; larger groups show an even sample so a 130k scan still opens.
    public static let thumbnailsPerGrid = 240

    public static func html(_ manifest: RunManifest, lines: [FramesIndexLine]) -> String {
        let firstFrame = Dictionary(lines.filter { $0.capture == 0 }.map { ($0.preset, $0.file) }) { first, _ in first }
        let presets = manifest.presets
        var page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>AIVJ scan report</title>
        <style>
        body{font-family:sans-serif;margin:1.5em;background:#111;color:#ddd}
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #444;padding:.2em .6em;text-align:left}
        .pass{color:#6d6}.fail{color:#f66}.grid{display:flex;flex-wrap:wrap;gap:4px}
        .grid figure{margin:0;width:112px;font-size:10px;overflow:hidden}.grid img{width:112px;height:112px;display:block}
        .grid figcaption{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        svg{background:#1b1b1b;margin:.3em 1em .3em 0}h2{margin-top:1.5em}
        </style></head><body>
        <h1>AIVJ scan report</h1>

        """
        if let made = manifest.made {
            page += "<p>\(escape(made.tool)) \(escape(made.version)) of <code>\(escape(made.library))</code>"
            if let shard = made.shard { page += ", shard \(shard.index)/\(shard.count)" }
            page += " (\(made.libraryPresets) presets in the library)"
            if let renderer = made.renderer { page += ", renderer \(escape(renderer))" }
            if let created = made.created { page += ", finished \(escape(created))" }
            page += ".</p>\n"
        }
        if let p = manifest.parameters {
            page += "<p>\(p.fps) fps, warmup \(p.warmup), \(p.captureCount) captures every \(p.captureEvery) frames, "
                + "\(p.renderSize)² rendered to \(p.size)² \(p.format.rawValue), audio \(escape(p.audio)), seed \(p.seed).</p>\n"
        }
        if let summary = manifest.summary {
            page += "<h2>Gates</h2>\n<table><tr><th>gate</th><th>value</th><th>needs</th><th>result</th></tr>\n"
            for gate in summary.gates {
                let value = gate.value.map { String(format: "%.4f", $0) } ?? "n/a"
                page += "<tr><td>\(gate.name)</td><td>\(value)</td><td>\(escape(gate.comparison)) \(gate.threshold)</td>"
                    + "<td class=\"\(gate.pass ? "pass" : "fail")\">\(gate.pass ? "pass" : "FAIL")</td></tr>\n"
            }
            page += "</table>\n<p>\(summary.presets) presets: \(summary.ok) ok (\(summary.strict) strict, \(summary.dark) dark), "
                + "\(summary.failed) failed; \(summary.frames) frames.</p>\n"
            if !summary.reasons.isEmpty {
                page += "<table><tr><th>reason</th><th>presets</th></tr>\n"
                for (reason, count) in summary.reasons.sorted(by: { $0.key < $1.key }) {
                    page += "<tr><td>\(escape(reason))</td><td>\(count)</td></tr>\n"
                }
                page += "</table>\n"
            }
        }
        let ok = presets.filter { $0.status == .ok }
        page += "<h2>Histograms (ok presets)</h2>\n"
        page += histogram(ok.compactMap(\.avgLuma), title: "avgLuma", upper: 1)
        page += histogram(ok.compactMap(\.motion), title: "motion", upper: max(0.001, ok.compactMap(\.motion).max() ?? 0.001))
        page += histogram(ok.compactMap(\.coverage), title: "coverage", upper: 1)
        let groups: [(String, [RunManifestEntry])] = [
            ("Tier 1: strict", ok.filter { $0.tier == .strict }),
            ("Tier 2: dark", ok.filter { $0.tier == .dark }),
            ("Failed", presets.filter { $0.status == .failed }),
        ]
        for (title, group) in groups {
            page += "<h2>\(title) (\(group.count))</h2>\n"
            page += grid(group, firstFrame: firstFrame)
        }
        page += "</body></html>\n"
        return page
    }

    /// An inline SVG bar chart of `values` in 20 bins over 0…upper.
    static func histogram(_ values: [Double], title: String, upper: Double) -> String {
        let bins = 20
        var counts = [Int](repeating: 0, count: bins)
        for value in values {
            let bin = min(bins - 1, max(0, Int(value / upper * Double(bins))))
            counts[bin] += 1
        }
        let highest = max(counts.max() ?? 1, 1)
        let width = 300.0, height = 120.0, bar = width / Double(bins)
        var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height) + 30)\" role=\"img\"><title>\(title)</title>"
        for (index, count) in counts.enumerated() {
            let h = Double(count) / Double(highest) * height
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#5af\"><title>%d</title></rect>",
                          Double(index) * bar, height - h, bar - 1, h, count)
        }
        svg += String(format: "<text x=\"0\" y=\"%d\" fill=\"#ccc\" font-size=\"11\">%@ 0 … %.3g (%d presets, peak bin %d)</text></svg>\n",
                      Int(height) + 20, title, upper, values.count, highest)
        return svg
    }

    /// A grid of first frames, evenly sampled down to `thumbnailsPerGrid`.
    static func grid(_ entries: [RunManifestEntry], firstFrame: [String: String]) -> String {
        guard !entries.isEmpty else { return "<p>none</p>\n" }
        let step = max(1, (entries.count + thumbnailsPerGrid - 1) / thumbnailsPerGrid)
        var html = step > 1 ? "<p>every \(step)th shown</p>\n" : ""
        html += "<div class=\"grid\">\n"
        for entry in stride(from: 0, to: entries.count, by: step).map({ entries[$0] }) {
            let metrics = [entry.avgLuma.map { String(format: "luma %.3f", $0) }, entry.motion.map { String(format: "motion %.3f", $0) },
                           entry.reasons.map { $0.joined(separator: ",") }, entry.detail].compactMap { $0 }.joined(separator: " · ")
            let caption = escape((entry.path as NSString).lastPathComponent)
            let tip = escape(entry.path + (metrics.isEmpty ? "" : "\n" + metrics))
            if let file = firstFrame[entry.path] {
                html += "<figure title=\"\(tip)\"><a href=\"\(escape(file))\"><img loading=\"lazy\" src=\"\(escape(file))\" alt=\"\"></a>"
                    + "<figcaption>\(caption)</figcaption></figure>\n"
            } else {
                html += "<figure title=\"\(tip)\"><div style=\"width:112px;height:112px;background:#400\"></div>"
                    + "<figcaption>\(caption)</figcaption></figure>\n"
            }
        }
        return html + "</div>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
