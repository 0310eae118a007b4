extension GLSLEmitter {
    static let comparisonFunctions = ["<": "lessThan", ">": "greaterThan", "<=": "lessThanEqual", ">=": "greaterThanEqual",
                                      "==": "equal", "!=": "notEqual"]

    mutating func binary(_ op: String, _ a: Typed, _ b: Typed, line: Int) throws -> Typed {
        let constant = a.isConstant && b.isConstant
        if case .matrix = a.type, case .matrix = b.type, a.type == b.type, ["+", "-", "*", "/"].contains(op) {
            let code = op == "*" ? "matrixCompMult(\(a.code), \(b.code))" : "(\(a.code) \(op) \(b.code))"
            return Typed(code: code, type: a.type)
        }
        if case .matrix = a.type, b.type.count == 1, ["*", "/", "+", "-"].contains(op) {
            return Typed(code: "(\(a.code) \(op) \(try convert(b, to: .float, line: line)))", type: a.type)
        }
        if case .matrix = b.type, a.type.count == 1, ["*", "+", "-"].contains(op) {
            return Typed(code: "(\(try convert(a, to: .float, line: line)) \(op) \(b.code))", type: b.type)
        }
        guard let common = Self.common([a.type, b.type]) else {
            throw ShaderTranslationError.type(line: line, message: "\(a.type.hlsl) \(op) \(b.type.hlsl)")
        }
        switch op {
        case "&&", "||":
            guard common.count == 1 else { throw ShaderTranslationError.unsupported(line: line, message: "\(op) on vectors") }
            return Typed(code: "(\(try convert(a, to: .bool, line: line)) \(op) \(try convert(b, to: .bool, line: line)))",
                         type: .bool, isConstant: constant)
        case "<", ">", "<=", ">=", "==", "!=":
            let operand = common.scalar == .bool && !(op == "==" || op == "!=") ? common.with(.int) : common
            let x = try convert(a, to: operand, line: line), y = try convert(b, to: operand, line: line)
            if let n = common.count, n > 1, let f = Self.comparisonFunctions[op] {
                return Typed(code: "\(f)(\(x), \(y))", type: .vector(.bool, n))
            }
            return Typed(code: "(\(x) \(op) \(y))", type: .bool, isConstant: constant)
        case "&", "|", "^", "<<", ">>":
            let t = common.with(.int)
            return Typed(code: "(\(try convert(a, to: t, line: line)) \(op) \(try convert(b, to: t, line: line)))", type: t, isConstant: constant)
        default:
            let t = common.scalar == .bool ? common.with(.int) : common
            // GLSL mixes a scalar and a vector of the same kind, so scalars stay scalars.
            let x = try convert(a, to: a.type.count == 1 ? .scalar(t.scalar ?? .float) : t, line: line)
            let y = try convert(b, to: b.type.count == 1 ? .scalar(t.scalar ?? .float) : t, line: line)
            if op == "%", t.scalar == .float {
                helpers.insert("fmod")
                return Typed(code: "_hlsl_fmod(\(try convert(a, to: t, line: line)), \(try convert(b, to: t, line: line)))", type: t)
            }
            if op == "/", let division = try dx9Division(a, b, type: t, line: line) { return division }
            return Typed(code: "(\(x) \(op) \(y))", type: t, isConstant: constant)
        }
    }

    mutating func assignment(_ op: String, _ target: Typed, _ value: Typed, line: Int) throws -> Typed {
        if op == "=" {
            return Typed(code: "(\(target.code) = \(try convert(value, to: target.type, line: line)))", type: target.type)
        }
        let binaryOp = String(op.dropLast())
        // HLSL computes `t op v` then converts back to t's type; `t = t op v` says exactly that.
        let result = try binary(binaryOp, target, value, line: line)
        if result.type == target.type, binaryOp != "%" || target.type.scalar != .float, !result.isDX9Division {
            if case .matrix = target.type, binaryOp == "*", value.type == target.type {
                return Typed(code: "(\(target.code) = \(result.code))", type: target.type)
            }
            return Typed(code: "(\(target.code) \(op) \(try convert(value, to: value.type.count == 1 ? .scalar(target.type.scalar ?? .float) : target.type, line: line)))", type: target.type)
        }
        return Typed(code: "(\(target.code) = \(try convert(result, to: target.type, line: line)))", type: target.type)
    }
}
