extension GLSLEmitter {
    /// The pieces of a translated program before they are joined.
    struct Program {
        var declarations: [String] = []
        var globalInitializers: [String] = []
        var body: [String] = []
        var sawBody = false
    }

    mutating func program(_ items: [TopLevel]) throws -> Program {
        var out = Program()
        for item in items {
            switch item {
            case let .variables(list):
                for d in list { try global(d, into: &out) }
            case let .function(f):
                out.declarations += try function(f)
            case let .shaderBody(statements):
                guard !out.sawBody else { throw ShaderTranslationError.syntax(line: 0, message: "two shader_body blocks") }
                out.sawBody = true
                scopes.append([:])
                defer { scopes.removeLast() }
                for (name, type) in ShaderEnvironment.mainLocals { _ = declare(name, type) }
                returnType = .void
                for s in statements { out.body += try statement(s, depth: 1) }
            }
        }
        guard out.sawBody else { throw ShaderTranslationError.missingShaderBody }
        return out
    }

    /// A preset global: samplers join the sampler list; values become GLSL globals set at the top of `main`,
    /// since GLSL 330 only accepts constant initializers outside functions.
    mutating func global(_ d: VariableDeclaration, into out: inout Program) throws {
        if d.type == .sampler2D || d.type == .sampler3D {
            declaredSamplers[d.name] = d.type == .sampler3D ? .sampler3D : ShaderEnvironment.samplerType(d.name)
            return
        }
        let value = try d.initializer.map { try initializer($0, for: d.type, line: d.line) }
        let glsl = declare(d.name, d.type)
        if let value, value.isConstant {
            out.declarations.append(Self.declarationText(d.type, glsl, value: value.code, isConst: d.isConst) + ";")
        } else {
            var zero: String?
            if d.type.isNumeric { zero = d.type.glsl + "(0)" } else if case .matrix = d.type { zero = d.type.glsl + "(0.0)" }
            out.declarations.append(Self.declarationText(d.type, glsl, value: zero, isConst: false) + ";")
            if let value { out.globalInitializers.append("    \(glsl) = \(value.code);") }
        }
    }

    mutating func function(_ f: FunctionDefinition) throws -> [String] {
        let glsl = Self.glslName(f.name)
        functions[f.name, default: []].append(Signature(returnType: f.returnType, parameters: f.parameters, glslName: glsl))
        scopes.append([:])
        defer { scopes.removeLast() }
        let parameters = f.parameters.map { p in
            let name = declare(p.name, p.type)
            return (p.isOutput ? "inout " : "") + Self.declarationText(p.type, name, value: nil, isConst: false)
        }
        returnType = f.returnType
        var lines = ["\(f.returnType.glsl) \(glsl)(\(parameters.joined(separator: ", ")))", "{"]
        for s in f.body { lines += try statement(s, depth: 1) }
        return lines + ["}"]
    }

    /// GLSL for the HLSL semantics GLSL lacks, only those the shader uses.
    var helperText: [String] {
        var lines: [String] = []
        let types = ["float", "vec2", "vec3", "vec4"]
        if helpers.contains("fmod") {
            // HLSL's fmod keeps the sign of x (truncation), unlike GLSL's mod (floor).
            lines += types.map { "\($0) _hlsl_fmod(\($0) x, \($0) y) { return x - y * trunc(x / y); }" }
        }
        if helpers.contains("ldexp") {
            lines += types.map { "\($0) _hlsl_ldexp(\($0) x, \($0) e) { return x * exp2(e); }" }
        }
        if helpers.contains("clip") {
            lines.append("void _hlsl_clip(float x) { if (x < 0.0) discard; }")
            lines += types.dropFirst().map { "void _hlsl_clip(\($0) x) { if (any(lessThan(x, \($0)(0.0)))) discard; }" }
        }
        return lines + dx9HelperText
    }
}
