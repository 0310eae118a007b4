extension GLSLEmitter {
    mutating func expression(_ e: Expression) throws -> Typed {
        switch e {
        case let .intLiteral(text, _):
            return Typed(code: text, type: .int, isIntLiteral: true, isConstant: true)
        case let .floatLiteral(text, _):
            var code = text
            if !code.contains(".") && !code.contains("e") && !code.contains("E") { code += ".0" }
            if code.hasSuffix(".") { code += "0" }
            if code.hasPrefix(".") { code = "0" + code }
            return Typed(code: code, type: .float, isConstant: true)
        case let .boolLiteral(value, _):
            return Typed(code: value ? "true" : "false", type: .bool, isConstant: true)
        case let .name(name, line):
            return try lookup(name, line: line)
        case let .unary(op, operand, line):
            if op == "++" || op == "--" { noteWrite(operand) }
            return try unary(op, try expression(operand), line: line)
        case let .postfix(op, operand, line):
            noteWrite(operand)
            let x = try expression(operand)
            guard x.type.isNumeric, x.type.scalar != .bool else { throw ShaderTranslationError.type(line: line, message: "\(op) on \(x.type.hlsl)") }
            return Typed(code: "\(x.code)\(op)", type: x.type)
        case let .binary(op, a, b, line):
            return try binary(op, try expression(a), try expression(b), line: line)
        case let .assign(op, target, value, line):
            noteWrite(target)
            return try assignment(op, try expression(target), try expression(value), line: line)
        case let .conditional(c, a, b, line):
            let condition = try expression(c)
            let x = try expression(a), y = try expression(b)
            guard let t = x.type == y.type ? x.type : Self.common([x.type, y.type]) else {
                throw ShaderTranslationError.type(line: line, message: "?: arms \(x.type.hlsl) and \(y.type.hlsl)")
            }
            if let n = condition.type.count, n > 1 {
                // HLSL picks per component; GLSL's mix with a boolean vector does the same.
                let bt = ShaderType.numeric(.bool, t.count ?? 1)
                let picks = try convert(condition, to: bt, line: line)
                return Typed(code: "mix(\(try convert(y, to: t, line: line)), \(try convert(x, to: t, line: line)), \(picks))", type: t)
            }
            let cond = try convert(condition, to: .bool, line: line)
            return Typed(code: "(\(cond) ? \(try convert(x, to: t, line: line)) : \(try convert(y, to: t, line: line)))", type: t,
                         isConstant: condition.isConstant && x.isConstant && y.isConstant)
        case let .call(name, arguments, line):
            return try call(name, arguments, line: line)
        case let .cast(type, operand, line):
            let x = try expression(operand)
            return try cast(x, to: type, line: line)
        case let .member(base, field, line):
            return try swizzle(try expression(base), field, line: line)
        case let .index(base, i, line):
            let b = try expression(base)
            let index = try expression(i)
            let code = "\(b.code)[\(try convert(index, to: .int, line: line))]"
            switch b.type {
            case let .array(t, _): return Typed(code: code, type: t)
            case let .vector(s, _): return Typed(code: code, type: .scalar(s))
            case let .matrix(_, c): return Typed(code: code, type: .vector(.float, c))
            default: throw ShaderTranslationError.type(line: line, message: "indexing a \(b.type.hlsl)")
            }
        case let .list(_, line):
            throw ShaderTranslationError.unsupported(line: line, message: "an initializer list outside a declaration")
        case let .comma(a, b, _):
            let x = try expression(a), y = try expression(b)
            return Typed(code: "(\(x.code), \(y.code))", type: y.type)
        }
    }

    /// An explicit `(type)x` cast, which may also truncate, widen a scalar, or fill a matrix from a scalar.
    func cast(_ x: Typed, to type: ShaderType, line: Int) throws -> Typed {
        if case .vector = x.type, case .vector = type, let n = x.type.count, let m = type.count, m > n {
            throw ShaderTranslationError.type(line: line, message: "cast of \(x.type.hlsl) to \(type.hlsl)")
        }
        return Typed(code: try convert(x, to: type, line: line), type: type, isConstant: x.isConstant)
    }

    func unary(_ op: String, _ x: Typed, line: Int) throws -> Typed {
        switch op {
        case "!":
            if let n = x.type.count, n > 1 { return Typed(code: "not(\(try convert(x, to: .vector(.bool, n), line: line)))", type: .vector(.bool, n)) }
            return Typed(code: "(!\(try convert(x, to: .bool, line: line)))", type: .bool, isConstant: x.isConstant)
        case "~":
            return Typed(code: "(~\(try convert(x, to: x.type.with(.int), line: line)))", type: x.type.with(.int))
        case "++", "--":
            return Typed(code: "\(op)\(x.code)", type: x.type)
        default:
            var t = x.type
            if t.scalar == .bool { t = t.with(.int) }
            guard t.isNumeric || { if case .matrix = t { return true } else { return false } }() else {
                throw ShaderTranslationError.type(line: line, message: "\(op) on \(x.type.hlsl)")
            }
            var y = x
            y.code = try convert(x, to: t, line: line)
            return Typed(code: "(\(op)\(y.code))", type: t, isIntLiteral: false, isConstant: x.isConstant)
        }
    }

    mutating func swizzle(_ base: Typed, _ field: String, line: Int) throws -> Typed {
        guard let scalar = base.type.scalar, let n = base.type.count else {
            throw ShaderTranslationError.unsupported(line: line, message: "member .\(field) of \(base.type.hlsl)")
        }
        let sets = ["xyzw", "rgba"]
        guard field.count <= 4, let set = sets.first(where: { s in field.allSatisfy { s.contains($0) } }) else {
            throw ShaderTranslationError.type(line: line, message: "bad swizzle .\(field)")
        }
        let indices = field.map { set.distance(from: set.startIndex, to: set.firstIndex(of: $0) ?? set.startIndex) }
        guard indices.allSatisfy({ $0 < n }) else {
            throw ShaderTranslationError.type(line: line, message: "swizzle .\(field) of \(base.type.hlsl)")
        }
        let type = ShaderType.numeric(scalar, field.count)
        if n == 1 {
            // GLSL 330 has no swizzles on scalars: `.x` is the value, `.xxx` a widening constructor.
            let code = field.count == 1 ? base.code : "\(type.glsl)(\(base.code))"
            return Typed(code: code, type: type, isIntLiteral: field.count == 1 && base.isIntLiteral, isConstant: base.isConstant)
        }
        return Typed(code: "\(base.code).\(field)", type: type, isConstant: base.isConstant)
    }
}
