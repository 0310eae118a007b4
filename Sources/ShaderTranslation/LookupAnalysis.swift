import Foundation

/// The text analysis behind `TranslatedShader.texelStep` and `readsAtPixelCentres`: where a sampler's lookups
/// read, conservatively (anything not recognised gives nil).
struct LookupAnalysis {
    let body: String
    let declarations: String
    /// Names that stand for the pixel position: `uv_orig`, and `uv` in a comp shader, unless assigned.
    let positions: Set<String>
    /// Identifiers a "uniforms only" term may contain.
    let constants: Set<String>
    private let written: Set<String>

    init(shader: TranslatedShader) {
        body = shader.body
        declarations = shader.declarations
        var positions: Set<String> = []
        for name in ["uv_orig"] + (shader.stage == .comp ? ["uv"] : []) where !Self.isWritten(name, in: shader.body) {
            positions.insert(name)
        }
        self.positions = positions
        written = Set(shader.writtenUniforms)
        let readOnly = shader.uniforms.filter { !shader.writtenUniforms.contains($0) }
        constants = Set(readOnly).union(["vec2", "vec3", "vec4", "float", "sin", "cos", "fract", "floor", "abs"])
    }

    /// Whether the shader assigns its copy of uniform `name`.
    func writes(_ name: String) -> Bool { written.contains(name) }

    /// The coordinate of every lookup of `sampler`, a local variable replaced by each value assigned to it; nil
    /// when the sampler is used any other way than `texture(SAMPLER, coordinate)` (bias, lod, gradient, a
    /// function's argument, a preset function) or a variable is written any other way than a plain assignment.
    func coordinates(sampler: String) -> [String]? {
        guard !positions.isEmpty, !Self.mentions(sampler, in: declarations) else { return nil }
        let uses = Self.occurrences(of: sampler, in: body)
        guard !uses.isEmpty else { return nil }
        var result: [String] = []
        for use in uses {
            let before = body[..<use.lowerBound].reversed().drop { $0 == " " }
            guard String(before.prefix(8).reversed()) == "texture(" else { return nil }
            // Not a preset's own `h_texture(`.
            if let outside = before.dropFirst(8).first, outside.isLetter || outside.isNumber || outside == "_" { return nil }
            let rest = body[use.upperBound...].drop { $0 == " " }
            guard rest.first == ",", let argument = Self.argument(String(rest.dropFirst())) else { return nil }
            let expression = Self.stripped(argument)
            if Self.isIdentifier(expression), !positions.contains(expression) {
                // A variable could also be written through an out argument: give up where one could be.
                guard !Self.mentions(expression, in: declarations), !body.contains("modf("),
                      !declarations.contains("inout "), Self.isDeclaredFirst(expression, in: body),
                      let values = Self.assignments(of: expression, in: body), !values.isEmpty else { return nil }
                result += values.map { Self.stripped($0) }
            } else {
                result.append(expression)
            }
        }
        return result
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

    /// Whether `name` first appears in `text` as a `vec2` declaration: a variable of the shader's own, not one of
    /// MilkDrop's locals (`uv`, `rad` …), which hold a value from before the body.
    static func isDeclaredFirst(_ name: String, in text: String) -> Bool {
        guard let first = occurrences(of: name, in: text).first else { return false }
        let before = text[..<first.lowerBound].reversed().drop { $0 == " " }
        guard String(before.prefix(4).reversed()) == "vec2" else { return false }
        return before.dropFirst(4).first.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
    }

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
        let parts = splitTopLevel(stripped(expression), at: operators)
        guard parts.count > 1 else { return parts }
        return parts.flatMap { split($0, at: operators) }
    }

    /// One level of `split`: the stripped parts between `expression`'s top-level binary operators.
    private static func splitTopLevel(_ expression: String, at operators: Set<Character>) -> [String] {
        var parts: [String] = [], depth = 0, current = "", previous: Character?
        for character in expression {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            let binary = previous.map { !"(+-*/,".contains($0) } ?? false
            if depth == 0, operators.contains(character), binary, !current.trimmingCharacters(in: .whitespaces).isEmpty {
                parts.append(stripped(current))
                current = ""
            } else {
                current.append(character)
            }
            if !character.isWhitespace { previous = character }
        }
        parts.append(stripped(current))
        return parts
    }
}
