import Foundation

extension PickSimulation {
    /// A plot of intensity over time (line) with each pick marked at its pair's strength (dot, labelled with the id).
    public func svg(width: Int = 960, height: Int = 300) -> String {
        let left = 40.0, right = 10.0, top = 20.0, bottom = 30.0
        let w = Double(width) - left - right, h = Double(height) - top - bottom
        let duration = max(1e-9, Double(max(1, intensity.count)) / summary.fps)
        func x(_ t: Double) -> Double { left + w * t / duration }
        func y(_ v: Double) -> Double { top + h * (1 - min(1, max(0, v))) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" font-family="sans-serif" font-size="10">
        <rect width="100%" height="100%" fill="white"/>
        <line x1="\(f(left))" y1="\(f(y(0)))" x2="\(f(left + w))" y2="\(f(y(0)))" stroke="#888"/>
        <line x1="\(f(left))" y1="\(f(y(0)))" x2="\(f(left))" y2="\(f(y(1)))" stroke="#888"/>
        <text x="4" y="\(f(y(1) + 4))">1</text><text x="4" y="\(f(y(0)))">0</text>
        <text x="\(f(left))" y="\(height - 8)">intensity01 (line) and picked pair strength (dots) over \(String(format: "%.1f", duration)) s</text>

        """
        var segment: [String] = []
        func flush() {
            if segment.count > 1 { out += "<polyline fill=\"none\" stroke=\"#1f77b4\" points=\"\(segment.joined(separator: " "))\"/>\n" }
            segment = []
        }
        for (i, v) in intensity.enumerated() {
            guard let v else { flush(); continue }
            segment.append("\(f(x(Double(i) / summary.fps))),\(f(y(v)))")
        }
        flush()
        for r in records {
            let colour = r.mode == .weighted ? "#d62728" : "#7f7f7f"
            out += "<line x1=\"\(f(x(r.time)))\" y1=\"\(f(y(0)))\" x2=\"\(f(x(r.time)))\" y2=\"\(f(y(1)))\" stroke=\"#ddd\"/>\n"
            out += "<circle cx=\"\(f(x(r.time)))\" cy=\"\(f(y(r.strength)))\" r=\"4\" fill=\"\(colour)\"><title>\(Self.escape(r.pairID))</title></circle>\n"
            out += "<text x=\"\(f(x(r.time) + 5))\" y=\"\(f(y(r.strength) - 5))\">\(Self.escape(r.pairID))</text>\n"
        }
        return out + "</svg>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
