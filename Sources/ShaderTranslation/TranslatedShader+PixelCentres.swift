import Foundation

extension TranslatedShader {
    /// Whether every lookup of a sampler reads at the pixel's own position plus whole pixels: `uv_orig` (or a comp
    /// shader's unassigned `uv`) plus terms `vec2(a, b) * texsize.zw` (or `texsize.zw` times integers) with integer
    /// a, b — directly or through a local assigned only such values.
    ///
    /// Why: drawn at the canvas's size, those coordinates are texel centres of a canvas-sized texture (the frame,
    /// `sampler_main`), where a bilinear read returns the texel itself: the renderer can read it nearest, a quarter
    /// of the work (on llvmpipe a full-screen bilinear read costs ≈ 1 ms at 1280×720, a nearest one ≈ 0.2 ms).
    /// `tex2D(sampler_main, uv)` is the commonest line of comp shaders; edge filters read `uv ± texsize.zw`.
    public func readsAtPixelCentres(sampler glslName: String) -> Bool {
        let analysis = LookupAnalysis(shader: self)
        guard !analysis.writes("texsize"), let coordinates = analysis.coordinates(sampler: glslName) else { return false }
        return coordinates.allSatisfy { analysis.isPixelCentre($0) }
    }
}

extension LookupAnalysis {
    /// `position (+|-) whole-pixel offsets`, the position first and not negated.
    func isPixelCentre(_ expression: String) -> Bool {
        let terms = Self.split(expression, at: ["+", "-"])
        guard let first = terms.first, positions.contains(first) else { return false }
        return terms.dropFirst().allSatisfy(isWholePixelOffset)
    }

    /// A product of `texsize.zw` (once) and integer literals or `vec2`s of integer literals.
    private func isWholePixelOffset(_ term: String) -> Bool {
        var sizes = 0
        for factor in Self.split(term, at: ["*"]) {
            if factor == "texsize.zw" {
                sizes += 1
            } else if let value = Double(factor) {
                guard value.rounded() == value else { return false }
            } else if factor.hasPrefix("vec2("), factor.hasSuffix(")") {
                let inside = String(factor.dropFirst(5).dropLast())
                let values = inside.split(separator: ",").map { Double(Self.stripped(String($0))) }
                guard (1...2).contains(values.count),
                      values.allSatisfy({ $0.map { $0.rounded() == $0 } ?? false }) else { return false }
            } else {
                return false
            }
        }
        return sizes == 1
    }
}
