extension GLSLEmitter {
    /// One-argument intrinsics computed per component in float, with their GLSL names.
    static let floatUnary: [String: String] = [
        "sin": "sin", "cos": "cos", "tan": "tan", "asin": "asin", "acos": "acos", "atan": "atan", "sinh": "sinh",
        "cosh": "cosh", "tanh": "tanh", "exp": "exp", "exp2": "exp2", "frac": "fract", "floor": "floor", "ceil": "ceil", "round": "round", "trunc": "trunc",
        "normalize": "normalize", "degrees": "degrees", "radians": "radians", "ddx": "dFdx", "ddy": "dFdy",
        "fwidth": "fwidth",
    ]
    /// Intrinsics Direct3D 9 evaluates on the absolute value of their argument.
    static let absoluteUnary: [String: String] = ["sqrt": "sqrt", "rsqrt": "inversesqrt", "log": "log", "log2": "log2"]
    /// Intrinsics whose arguments all meet at one type, with the GLSL name; `nil` marks float-only ones.
    static let sameTypeIntrinsics: [String: (glsl: String, arity: Int, floatOnly: Bool)] = [
        "abs": ("abs", 1, false), "sign": ("sign", 1, false), "min": ("min", 2, false), "max": ("max", 2, false),
        "clamp": ("clamp", 3, false), "atan2": ("atan", 2, true), "step": ("step", 2, true),
        "lerp": ("mix", 3, true), "smoothstep": ("smoothstep", 3, true), "reflect": ("reflect", 2, true),
        "fmod": ("_hlsl_fmod", 2, true), "ldexp": ("_hlsl_ldexp", 2, true),
    ]

    mutating func arguments(_ list: [Expression]) throws -> [Typed] { try list.map { try expression($0) } }

    func arity(_ name: String, _ args: [Typed], _ n: Int, line: Int) throws {
        guard args.count == n else { throw ShaderTranslationError.type(line: line, message: "\(name) takes \(n) arguments, not \(args.count)") }
    }

    mutating func call(_ name: String, _ list: [Expression], line: Int) throws -> Typed {
        if let type = ShaderType(hlslName: name) { return try construct(type, try arguments(list), line: line) }
        if let signatures = functions[name] { return try userCall(name, signatures, list, line: line) }
        if let dx9 = try dx9Call(name, list, line: line) { return dx9 }
        let args = try arguments(list)
        if let glsl = Self.floatUnary[name] {
            try arity(name, args, 1, line: line)
            let t = args[0].type.with(.float)
            guard t.isNumeric else { throw ShaderTranslationError.type(line: line, message: "\(name) of \(args[0].type.hlsl)") }
            return Typed(code: "\(glsl)(\(try convert(args[0], to: t, line: line)))", type: t)
        }
        if let glsl = Self.absoluteUnary[name] {
            // Direct3D 9's log and rsq instructions read |x|, so these never give NaN for negative x as GLSL would.
            try arity(name, args, 1, line: line)
            let t = args[0].type.with(.float)
            guard t.isNumeric else { throw ShaderTranslationError.type(line: line, message: "\(name) of \(args[0].type.hlsl)") }
            return Typed(code: "\(glsl)(abs(\(try convert(args[0], to: t, line: line))))", type: t)
        }
        if name == "pow" {
            // Direct3D 9 computes pow as exp2(y * log2(|x|)).
            try arity(name, args, 2, line: line)
            guard let t = Self.common(args.map(\.type), atLeast: .float) else {
                throw ShaderTranslationError.type(line: line, message: "pow of \(args.map(\.type.hlsl).joined(separator: ", "))")
            }
            return Typed(code: "pow(abs(\(try convert(args[0], to: t, line: line))), \(try convert(args[1], to: t, line: line)))", type: t)
        }
        if let (glsl, n, floatOnly) = Self.sameTypeIntrinsics[name] {
            try arity(name, args, n, line: line)
            guard let t = Self.common(args.map(\.type), atLeast: floatOnly ? .float : .int) else {
                throw ShaderTranslationError.type(line: line, message: "\(name) of \(args.map(\.type.hlsl).joined(separator: ", "))")
            }
            if name == "fmod" { helpers.insert("fmod") }
            if name == "ldexp" { helpers.insert("ldexp") }
            let code = try args.map { try convert($0, to: t, line: line) }.joined(separator: ", ")
            return Typed(code: "\(glsl)(\(code))", type: t)
        }
        return try special(name, args, list, line: line)
    }

    mutating func special(_ name: String, _ args: [Typed], _ list: [Expression], line: Int) throws -> Typed {
        func floats(_ count: Int? = nil) throws -> (ShaderType, [String]) {
            guard var t = Self.common(args.map(\.type), atLeast: .float) else {
                throw ShaderTranslationError.type(line: line, message: "\(name) of \(args.map(\.type.hlsl).joined(separator: ", "))")
            }
            if let count { t = .numeric(.float, count) }
            return (t, try args.map { try convert($0, to: t, line: line) })
        }
        switch name {
        case "saturate":
            try arity(name, args, 1, line: line)
            let (t, a) = try floats()
            return Typed(code: "clamp(\(a[0]), 0.0, 1.0)", type: t)
        case "log10":
            try arity(name, args, 1, line: line)
            let (t, a) = try floats()
            return Typed(code: "(log2(abs(\(a[0]))) * 0.30102999566)", type: t)
        case "length":
            try arity(name, args, 1, line: line)
            let (_, a) = try floats()
            return Typed(code: "length(\(a[0]))", type: .float)
        case "distance", "dot":
            try arity(name, args, 2, line: line)
            let (_, a) = try floats()
            return Typed(code: "\(name)(\(a[0]), \(a[1]))", type: .float)
        case "cross":
            try arity(name, args, 2, line: line)
            let (t, a) = try floats(3)
            return Typed(code: "cross(\(a[0]), \(a[1]))", type: t)
        case "mad":
            try arity(name, args, 3, line: line)
            let (t, a) = try floats()
            return Typed(code: "(\(a[0]) * \(a[1]) + \(a[2]))", type: t)
        case "refract":
            try arity(name, args, 3, line: line)
            let (t, a) = try floats()
            return Typed(code: "refract(\(a[0]), \(a[1]), \(try convert(args[2], to: .float, line: line)))", type: t)
        case "any", "all":
            try arity(name, args, 1, line: line)
            guard let n = args[0].type.count else { throw ShaderTranslationError.type(line: line, message: "\(name) of \(args[0].type.hlsl)") }
            if n == 1 { return Typed(code: try convert(args[0], to: .bool, line: line), type: .bool) }
            return Typed(code: "\(name)(\(try convert(args[0], to: .vector(.bool, n), line: line)))", type: .bool)
        case "isnan", "isinf":
            try arity(name, args, 1, line: line)
            let (t, a) = try floats()
            return Typed(code: "\(name)(\(a[0]))", type: t.with(.bool))
        case "transpose":
            try arity(name, args, 1, line: line)
            guard case let .matrix(r, c) = args[0].type else { throw ShaderTranslationError.type(line: line, message: "transpose of \(args[0].type.hlsl)") }
            return Typed(code: "transpose(\(args[0].code))", type: .matrix(rows: c, columns: r))
        case "determinant":
            try arity(name, args, 1, line: line)
            return Typed(code: "determinant(\(args[0].code))", type: .float)
        case "modf":
            try arity(name, args, 2, line: line)
            noteWrite(list[1])
            let t = args[0].type.with(.float)
            guard args[1].type == t else { throw ShaderTranslationError.type(line: line, message: "modf into a \(args[1].type.hlsl)") }
            return Typed(code: "modf(\(try convert(args[0], to: t, line: line)), \(args[1].code))", type: t)
        case "mul":
            try arity(name, args, 2, line: line)
            return try multiply(args[0], args[1], line: line)
        case "sincos":
            try arity(name, args, 3, line: line)
            for argument in list.dropFirst() { noteWrite(argument) }
            let (_, a) = try floats(args[0].type.count ?? 1)
            return Typed(code: "(\(args[1].code) = sin(\(a[0])), \(args[2].code) = cos(\(a[0])))", type: .void)
        case "clip":
            try arity(name, args, 1, line: line)
            helpers.insert("clip")
            let n = args[0].type.count ?? 1
            return Typed(code: "_hlsl_clip(\(try convert(args[0], to: .numeric(.float, n), line: line)))", type: .void)
        default:
            return try texture(name, args, line: line)
        }
    }

    /// HLSL's `mul` with row vectors; matrices are stored transposed in GLSL, so the operands swap.
    func multiply(_ a: Typed, _ b: Typed, line: Int) throws -> Typed {
        switch (a.type, b.type) {
        case let (.vector(_, n), .matrix(r, c)):
            // A vector shorter than the matrix keeps only the matrix's first rows, as HLSL truncates.
            let rows = min(n, r)
            let m = rows < r ? "\(ShaderType.matrix(rows: rows, columns: c).glsl)(\(b.code))" : b.code
            let v = try convert(a, to: .vector(.float, rows), line: line)
            return Typed(code: "(\(m) * \(v))", type: .numeric(.float, c))
        case let (.matrix(r, c), .vector(_, n)):
            let columns = min(n, c)
            let m = columns < c ? "\(ShaderType.matrix(rows: r, columns: columns).glsl)(\(a.code))" : a.code
            let v = try convert(b, to: .vector(.float, columns), line: line)
            return Typed(code: "(\(v) * \(m))", type: .numeric(.float, r))
        case let (.matrix(r, k), .matrix(k2, c)) where k == k2:
            return Typed(code: "(\(b.code) * \(a.code))", type: .matrix(rows: r, columns: c))
        case (.vector, .vector):
            guard let t = Self.common([a.type, b.type], atLeast: .float) else { break }
            return Typed(code: "dot(\(try convert(a, to: t, line: line)), \(try convert(b, to: t, line: line)))", type: .float)
        default:
            if a.type.count == 1 || b.type.count == 1 {
                let x = a.type.count == 1 ? try convert(a, to: .float, line: line) : a.code
                let y = b.type.count == 1 ? try convert(b, to: .float, line: line) : b.code
                return Typed(code: "(\(x) * \(y))", type: a.type.count == 1 ? b.type.with(.float) : a.type.with(.float))
            }
        }
        throw ShaderTranslationError.type(line: line, message: "mul(\(a.type.hlsl), \(b.type.hlsl))")
    }

    /// `floatN(…)`/`floatRxC(…)` constructors; a single scalar fills every component, as in HLSL.
    func construct(_ type: ShaderType, _ args: [Typed], line: Int) throws -> Typed {
        let constant = args.allSatisfy(\.isConstant)
        if args.count == 1, args[0].type.count == 1 {
            if case let .matrix(r, c) = type {
                let x = try convert(args[0], to: .float, line: line)
                return Typed(code: "\(type.glsl)(\(Array(repeating: x, count: r * c).joined(separator: ", ")))", type: type, isConstant: constant)
            }
            var t = try convertTyped(args[0], to: type, line: line)
            t.isConstant = constant
            return t
        }
        var total = 0
        var parts: [String] = []
        for a in args {
            switch a.type {
            case let .scalar(s):
                total += 1
                parts.append(a.isIntLiteral && type.scalar == .float ? Self.floatLiteral(a.code) : (s == .bool && type.scalar != .bool ? "\(ShaderType.scalar(type.scalar ?? .float).glsl)(\(a.code))" : a.code))
            case let .vector(_, n): total += n; parts.append(a.code)
            case let .matrix(r, c): total += r * c; parts.append(a.code)
            default: throw ShaderTranslationError.type(line: line, message: "\(a.type.hlsl) in a \(type.hlsl) constructor")
            }
        }
        let needed: Int
        switch type {
        case let .matrix(r, c): needed = r * c
        default: needed = type.count ?? 0
        }
        guard total == needed || (args.count == 1 && total > needed) else {
            throw ShaderTranslationError.type(line: line, message: "\(type.hlsl) built from \(total) components")
        }
        return Typed(code: "\(type.glsl)(\(parts.joined(separator: ", ")))", type: type, isConstant: constant)
    }

    mutating func userCall(_ name: String, _ signatures: [Signature], _ list: [Expression], line: Int) throws -> Typed {
        let args = try arguments(list)
        let candidates = signatures.filter { $0.parameters.count == args.count }
        guard let signature = candidates.first(where: { s in zip(s.parameters, args).allSatisfy { $0.type == $1.type } }) ?? candidates.first else {
            throw ShaderTranslationError.type(line: line, message: "no \(name) takes \(args.count) arguments")
        }
        var parts: [String] = []
        for (p, e) in zip(signature.parameters, list) where p.isOutput { noteWrite(e) }
        for (p, a) in zip(signature.parameters, args) {
            if p.isOutput, a.type != p.type {
                throw ShaderTranslationError.unsupported(line: line, message: "out argument \(a.type.hlsl) for \(p.type.hlsl)")
            }
            parts.append(try convert(a, to: p.type, line: line))
        }
        return Typed(code: "\(signature.glslName)(\(parts.joined(separator: ", ")))", type: signature.returnType)
    }

    mutating func texture(_ name: String, _ args: [Typed], line: Int) throws -> Typed {
        let rgba = ShaderType.vector(.float, 4)
        func sampler(_ expected: ShaderType) throws -> String {
            guard args.count >= 2 else { throw ShaderTranslationError.type(line: line, message: "\(name) needs a sampler and coordinates") }
            guard args[0].type == .sampler2D || args[0].type == .sampler3D else {
                throw ShaderTranslationError.type(line: line, message: "\(name) of a \(args[0].type.hlsl)")
            }
            return args[0].code
        }
        switch name {
        case "tex2D":
            try arity(name, args, 2, line: line)
            return Typed(code: "texture(\(try sampler(.sampler2D)), \(try convert(args[1], to: .vector(.float, 2), line: line)))", type: rgba)
        case "tex3D":
            try arity(name, args, 2, line: line)
            return Typed(code: "texture(\(try sampler(.sampler3D)), \(try convert(args[1], to: .vector(.float, 3), line: line)))", type: rgba)
        case "tex2Dlod", "tex2Dbias", "tex3Dlod", "tex3Dbias":
            try arity(name, args, 2, line: line)
            let s = try sampler(.sampler2D)
            let uvw = try convert(args[1], to: rgba, line: line)
            let coordinates = name.hasPrefix("tex2D") ? "xy" : "xyz"
            let function = name.hasSuffix("lod") ? "textureLod" : "texture"
            return Typed(code: "\(function)(\(s), (\(uvw)).\(coordinates), (\(uvw)).w)", type: rgba)
        case "tex2Dproj":
            try arity(name, args, 2, line: line)
            return Typed(code: "textureProj(\(try sampler(.sampler2D)), \(try convert(args[1], to: rgba, line: line)))", type: rgba)
        case "tex2Dgrad":
            try arity(name, args, 4, line: line)
            let v2 = ShaderType.vector(.float, 2)
            return Typed(code: "textureGrad(\(try sampler(.sampler2D)), \(try convert(args[1], to: v2, line: line)), \(try convert(args[2], to: v2, line: line)), \(try convert(args[3], to: v2, line: line)))", type: rgba)
        default:
            throw ShaderTranslationError.undeclared(line: line, name: name)
        }
    }
}
