import Foundation

extension TranslatedShader {
    /// How many texels of a sampler's texture each of its lookups moves per pixel, when every lookup reads
    /// MilkDrop's pixel-exact idiom: `uv_orig * texsize.xy * texsize_NAME.zw`, times literal factors k, plus terms
    /// of uniforms only (`+ rand_frame.xy`). The step is |k| texels per pixel of a pass drawn at `texsize`; nil
    /// when any lookup (or any other use of the sampler) is something else.
    ///
    /// Why: a step of at most one texel is magnification, where a mipmapped texture reads only its base level, so
    /// the renderer can sample it without the mip filter and skip the per-pixel level-of-detail arithmetic (a
    /// noise read costs 40 % more with it on llvmpipe). About a quarter of MilkDrop 2 presets dither with this idiom.
    ///
    /// `glslName` is the sampler's GLSL name, `textureName` the texture's (`noise_lq`). In a comp shader `uv` is the
    /// unwarped position too, so it counts as `uv_orig` while the shader does not assign it.
    public func texelStep(sampler glslName: String, textureName: String) -> Double? {
        let analysis = LookupAnalysis(shader: self)
        guard !analysis.writes("texsize"), !analysis.writes("texsize_" + textureName),
              let coordinates = analysis.coordinates(sampler: glslName) else { return nil }
        var largest = 0.0
        for coordinate in coordinates {
            guard let step = analysis.idiomStep(coordinate, size: ("texsize.xy", "texsize_\(textureName).zw")) else { return nil }
            largest = max(largest, step)
        }
        return largest
    }
}

extension LookupAnalysis {
    /// `core ± uniform terms`, the core a product of a position, the two `size` factors and literals: its |k|.
    func idiomStep(_ expression: String, size factors: (String, String)) -> Double? {
        var core: Double?
        for term in Self.split(expression, at: ["+", "-"]) {
            let parts = Self.split(term, at: ["*"])
            if parts.contains(where: { positions.contains($0) }) {
                guard core == nil else { return nil }
                var scale = 1.0, position = 0, sizes = 0, texture = 0
                for part in parts {
                    if positions.contains(part) {
                        position += 1
                    } else if part == factors.0 {
                        sizes += 1
                    } else if part == factors.1 {
                        texture += 1
                    } else if let literal = Double(part) {
                        scale *= literal
                    } else {
                        return nil
                    }
                }
                guard position == 1, sizes == 1, texture == 1 else { return nil }
                core = abs(scale)
            } else if !isUniformOnly(term) {
                return nil
            }
        }
        return core
    }

    func isUniformOnly(_ term: String) -> Bool {
        var previous: Character = " "
        var index = term.startIndex
        while index < term.endIndex {
            let character = term[index]
            if character.isLetter || character == "_" {
                var end = index
                while end < term.endIndex, term[end].isLetter || term[end].isNumber || term[end] == "_" { end = term.index(after: end) }
                // A swizzle after a dot is not a name.
                if previous != ".", !constants.contains(String(term[index..<end])) { return false }
                previous = term[term.index(before: end)]
                index = end
                continue
            }
            if !character.isWhitespace { previous = character }
            index = term.index(after: index)
        }
        return true
    }
}
