/// Direct3D 9 arithmetic where it differs from GLSL's, as MilkDrop's presets were tuned on it.
///
/// - Direct3D 9 shaders multiply with "0 × anything = 0" (even ∞ or NaN), and divide as `x * rcp(y)`: so `0 / 0` is 0,
///   where GLSL gives NaN, which a feedback loop then spreads over the picture. Float divisions by anything but a
///   literal go through `_hlsl_div`, which returns 0 where x is 0.
/// - `normalize(v)` is `v * rsq(dot(v, v))`: the zero vector stays zero instead of becoming NaN.
/// - `pow(x, n)` with a literal integral exponent 0…8 is expanded by the HLSL compiler into multiplications, which
///   keep the sign of x (`pow(-2, 3)` is -8); any other `pow` is `exp2(y · log2|x|)` (see `absoluteUnary`).
extension GLSLEmitter {
    /// The largest literal exponent written out as multiplications.
    static let expandedPowerLimit = 8

    /// Calls whose Direct3D 9 result differs from the GLSL intrinsic of the same name; nil for every other call.
    mutating func dx9Call(_ name: String, _ list: [Expression], line: Int) throws -> Typed? {
        switch name {
        case "pow":
            guard list.count == 2, let n = Self.integralLiteral(list[1]), (0...Self.expandedPowerLimit).contains(n) else { return nil }
            let args = try arguments(list)
            guard let t = Self.common(args.map(\.type), atLeast: .float), t.scalar == .float, let count = t.count else {
                return nil
            }
            helpers.insert("pow\(n)")
            return Typed(code: "_hlsl_pow\(n)(\(try convert(args[0], to: .numeric(.float, count), line: line)))",
                         type: .numeric(.float, count))
        case "normalize":
            guard list.count == 1 else { return nil }
            let args = try arguments(list)
            let t = args[0].type.with(.float)
            guard t.isNumeric, t.count != nil else { return nil }
            helpers.insert("normalize")
            return Typed(code: "_hlsl_normalize(\(try convert(args[0], to: t, line: line)))", type: t)
        default:
            return nil
        }
    }

    /// `a / b` in float as Direct3D 9 computes it, or nil when plain GLSL division is exact (a literal divisor).
    mutating func dx9Division(_ a: Typed, _ b: Typed, type t: ShaderType, line: Int) throws -> Typed? {
        guard t.scalar == .float, t.count != nil, !b.isConstant else { return nil }
        helpers.insert("div")
        return Typed(code: "_hlsl_div(\(try convert(a, to: t, line: line)), \(try convert(b, to: t, line: line)))", type: t)
    }

    /// The value of an integer literal or a float literal with no fraction (`3`, `3.0`, `3.`), else nil.
    static func integralLiteral(_ e: Expression) -> Int? {
        switch e {
        case let .intLiteral(text, _):
            return Int(text)
        case let .floatLiteral(text, _):
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text), value == value.rounded(), abs(value) <= 1e6 else {
                return nil
            }
            return Int(value)
        default:
            return nil
        }
    }

    /// GLSL for the Direct3D 9 helpers the shader uses.
    var dx9HelperText: [String] {
        let types = ["float", "vec2", "vec3", "vec4"]
        var lines: [String] = []
        if helpers.contains("div") {
            lines.append("float _hlsl_div(float x, float y) { return x == 0.0 ? 0.0 : x / y; }")
            lines += types.dropFirst().map { "\($0) _hlsl_div(\($0) x, \($0) y) { return mix(x / y, \($0)(0.0), equal(x, \($0)(0.0))); }" }
        }
        if helpers.contains("normalize") {
            lines += types.map { "\($0) _hlsl_normalize(\($0) v) { float d = dot(v, v); return d == 0.0 ? v : v * inversesqrt(d); }" }
        }
        for n in 0...Self.expandedPowerLimit where helpers.contains("pow\(n)") {
            lines += types.map { "\($0) _hlsl_pow\(n)(\($0) x) { \(Self.powerBody(n, type: $0)) }" }
        }
        return lines
    }

    /// Multiplications for `x^n` by squaring, as the HLSL compiler writes them.
    static func powerBody(_ n: Int, type: String) -> String {
        if n == 0 { return "return \(type)(1.0);" }
        var statements: [String] = []
        var factors: [String] = []
        var power = "x", remaining = n, square = 1
        while remaining > 0 {
            if remaining & 1 == 1 { factors.append(power) }
            remaining >>= 1
            if remaining > 0 {
                square *= 2
                statements.append("\(type) x\(square) = \(power) * \(power);")
                power = "x\(square)"
            }
        }
        return (statements + ["return \(factors.joined(separator: " * "));"]).joined(separator: " ")
    }
}

extension Typed {
    /// Whether this is a call of the Direct3D 9 division helper, which a compound `/=` must assign whole.
    var isDX9Division: Bool { code.hasPrefix("_hlsl_div(") }
}
