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
        let analysis = TexelStepAnalysis(shader: self, textureName: textureName)
        return analysis.step(sampler: glslName)
    }
}

/// The text analysis behind `TranslatedShader.texelStep`: conservative, anything it does not recognise is nil.
private struct TexelStepAnalysis {
    let body: String
    let declarations: String
    /// Names that stand for the pixel position: `uv_orig`, and `uv` in a comp shader, unless assigned.
    let positions: Set<String>
    /// The uniform factors the idiom multiplies by (nil when the shader writes either).
    let factors: (String, String)?
    /// Identifiers a "uniforms only" term may contain.
    let constants: Set<String>

    init(shader: TranslatedShader, textureName: String) {
        body = shader.body
        declarations = shader.declarations
        var positions: Set<String> = []
        for name in ["uv_orig"] + (shader.stage == .comp ? ["uv"] : []) where !Self.isWritten(name, in: shader.body) {
            positions.insert(name)
        }
        self.positions = positions
        let size = "texsize_" + textureName
        factors = shader.writtenUniforms.contains("texsize") || shader.writtenUniforms.contains(size)
            ? nil : ("texsize.xy", size + ".zw")
        let readOnly = shader.uniforms.filter { !shader.writtenUniforms.contains($0) }
        constants = Set(readOnly).union(["vec2", "vec3", "vec4", "float", "sin", "cos", "fract", "floor", "abs"])
    }

    func step(sampler: String) -> Double? {
        guard factors != nil, !positions.isEmpty, !Self.mentions(sampler, in: declarations) else { return nil }
        let uses = Self.occurrences(of: sampler, in: body)
        guard !uses.isEmpty else { return nil }
        var largest = 0.0
        for use in uses {
            // Only `texture(SAMPLER, coordinate)`: no bias, lod, gradient or other use.
            let before = body[..<use.lowerBound].reversed().drop { $0 == " " }
            guard String(before.prefix(8).reversed()) == "texture(" else { return nil }
            // Not a preset's own `h_texture(`.
            if let outside = before.dropFirst(8).first, outside.isLetter || outside.isNumber || outside == "_" { return nil }
            let rest = body[use.upperBound...].drop { $0 == " " }
            guard rest.first == ",", let argument = Self.argument(String(rest.dropFirst())),
                  let step = coordinateStep(argument, depth: 0) else { return nil }
            largest = max(largest, step)
        }
        return largest
    }

    /// The step of a coordinate: the idiom itself, or a local variable only ever assigned the idiom.
    private func coordinateStep(_ text: String, depth: Int) -> Double? {
        let expression = Self.stripped(text)
        if Self.isIdentifier(expression) {
            // A variable could also be written through an out argument: give up where one exists.
            guard depth == 0, !Self.mentions(expression, in: declarations), !body.contains("modf("),
                  !declarations.contains("inout ") else { return nil }
            let values = Self.assignments(of: expression, in: body)
            guard let values, !values.isEmpty else { return nil }
            var largest = 0.0
            for value in values {
                guard let step = coordinateStep(value, depth: depth + 1) else { return nil }
                largest = max(largest, step)
            }
            return largest
        }
        return idiomStep(expression)
    }

    /// `core ± uniform terms`, the core a product of a position, the two size factors and literals.
    private func idiomStep(_ expression: String) -> Double? {
        guard let factors else { return nil }
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

    private func isUniformOnly(_ term: String) -> Bool {
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

    // MARK: - Text helpers

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// Ranges of `name` as a whole word.
    static func occurrences(of name: String, in text: String) -> [Range<String.Index>] {
        guard let pattern = try? NSRegularExpression(pattern: "\\b" + NSRegularExpression.escapedPattern(for: name) + "\\b")
        else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }

    static func mentions(_ name: String, in text: String) -> Bool { !occurrences(of: name, in: text).isEmpty }

    /// Whether `name` is assigned anywhere (`=`, compound, a swizzle, `++`/`--`).
    static func isWritten(_ name: String, in text: String) -> Bool {
        assignments(of: name, in: text, plainOnly: false) == nil
    }

    /// The values assigned to `name` by plain `name = value;` (a declaration's too); nil when it is also written
    /// any other way. With `plainOnly` false, any assignment at all gives nil.
    static func assignments(of name: String, in text: String, plainOnly: Bool = true) -> [String]? {
        var values: [String] = []
        for range in occurrences(of: name, in: text) {
            let before = text[..<range.lowerBound].reversed().drop { $0 == " " }
            if before.prefix(2).elementsEqual("++") || before.prefix(2).elementsEqual("--") { return nil }
            var after = Substring(text[range.upperBound...].drop { $0 == " " })
            if after.first == "." {
                after = after.dropFirst().drop { $0.isLetter }.drop { $0 == " " }
                if Self.isAssignment(after) { return nil }
                continue
            }
            if after.hasPrefix("++") || after.hasPrefix("--") { return nil }
            guard Self.isAssignment(after) else { continue }
            guard plainOnly, after.first == "=" else { return nil }
            guard let end = after.dropFirst().firstIndex(of: ";") else { return nil }
            values.append(String(after[after.index(after: after.startIndex)..<end]))
        }
        return values
    }

    /// Whether `text` starts with an assignment operator (`=` but not `==`, or `+=` `-=` `*=` `/=`).
    static func isAssignment(_ text: Substring) -> Bool {
        if text.hasPrefix("==") { return false }
        if text.first == "=" { return true }
        return ["+=", "-=", "*=", "/="].contains { text.hasPrefix($0) }
    }

    /// The first argument after `texture(SAMPLER,`: the text up to the call's closing parenthesis; nil when a
    /// further argument follows.
    static func argument(_ text: String) -> String? {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")":
                if depth == 0 { return String(text[..<index]) }
                depth -= 1
            case "," where depth == 0: return nil
            default: break
            }
        }
        return nil
    }

    /// `text` trimmed, without parentheses that enclose all of it.
    static func stripped(_ text: String) -> String {
        var result = text.trimmingCharacters(in: .whitespaces)
        while result.first == "(", result.last == ")", closes(result) {
            result = String(result.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// Whether the opening parenthesis at the start of `text` is closed by its last character.
    private static func closes(_ text: String) -> Bool {
        var depth = 0
        for (offset, character) in text.enumerated() {
            if character == "(" { depth += 1 }
            if character == ")" {
                depth -= 1
                if depth == 0 { return offset == text.count - 1 }
            }
        }
        return false
    }

    /// `expression` split at its top-level binary operators among `operators`, each part stripped and with nested
    /// groups of the same operators flattened. A unary sign at the start stays with its operand.
    static func split(_ expression: String, at operators: Set<Character>) -> [String] {
        var parts: [String] = [], depth = 0, current = "", previous: Character?
        for character in stripped(expression) {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            let binary = previous.map { !"(+-*/,".contains($0) } ?? false
            if depth == 0, operators.contains(character), binary, !current.trimmingCharacters(in: .whitespaces).isEmpty {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
            if !character.isWhitespace { previous = character }
        }
        parts.append(current)
        let cleaned = parts.map { stripped($0) }
        // Flatten a part that is itself a parenthesised group of the same operators.
        return cleaned.flatMap { part -> [String] in
            let inner = split(part, operators: operators)
            return inner.count > 1 ? inner : [part]
        }
    }

    private static func split(_ part: String, operators: Set<Character>) -> [String] {
        guard part.first == "(" || part.contains(where: { operators.contains($0) }) else { return [part] }
        var depth = 0, count = 0
        for character in part {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth == 0, operators.contains(character) { count += 1 }
        }
        return count > 0 ? split(part, at: operators) : [part]
    }
}
