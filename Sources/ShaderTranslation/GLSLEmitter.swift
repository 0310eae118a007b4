/// An expression translated to GLSL, with the HLSL type it has.
struct Typed {
    var code: String
    var type: ShaderType
    /// An integer literal, printed as a float literal where a float is wanted.
    var isIntLiteral = false
    /// Built from literals only, so it may initialise a GLSL `const`.
    var isConstant = false
}

/// Type-checks the syntax tree and writes GLSL 330 as it goes, inserting the conversions HLSL makes implicitly.
struct GLSLEmitter {
    struct Symbol {
        var type: ShaderType
        var glslName: String
    }

    struct Signature {
        var returnType: ShaderType
        var parameters: [Parameter]
        var glslName: String
    }

    var scopes: [[String: Symbol]] = [[:]]
    var functions: [String: [Signature]] = [:]
    var declaredSamplers: [String: ShaderType] = [:]
    var usedUniforms: Set<String> = []
    /// Uniforms the shader assigns to (HLSL allows it; the GLSL gets a writable copy).
    var writtenUniforms: Set<String> = []
    var usedSamplers: [String: ShaderType] = [:]
    var helpers: Set<String> = []
    var returnType: ShaderType = .void

    // MARK: names

    /// GLSL words an HLSL preset may use as a name; such names get an `h_` prefix.
    static let reservedInGLSL: Set<String> = [
        "input", "output", "texture", "sample", "smooth", "flat", "noperspective", "centroid", "layout", "patch",
        "subroutine", "common", "partition", "active", "filter", "buffer", "coherent", "restrict", "readonly",
        "writeonly", "resource", "precision", "lowp", "mediump", "highp", "attribute", "varying", "invariant",
        "mix", "fract", "inversesqrt", "mod", "dFdx", "dFdy", "lessThan", "greaterThan", "lessThanEqual",
        "greaterThanEqual", "equal", "notEqual", "not", "texelFetch", "textureSize", "textureLod", "textureProj",
        "main", "fragColor", "union", "enum", "typedef", "template", "this", "goto", "long", "short", "double",
        "fixed", "unsigned", "external", "interface", "struct", "sizeof", "cast", "namespace", "using", "uint",
        "vec2", "vec3", "vec4", "ivec2", "ivec3", "ivec4", "bvec2", "bvec3", "bvec4", "mat2", "mat3", "mat4",
        "dmat2", "dmat3", "dmat4", "uvec2", "uvec3", "uvec4", "hvec2", "hvec3", "hvec4", "fvec2", "fvec3", "fvec4",
        "switch", "case", "default", "class", "asm", "inline", "noinline", "public", "static", "extern", "volatile",
        "packed", "superp", "input", "atomic_uint", "image2D", "sampler1D", "samplerCube", "floatBitsToInt",
        "round", "roundEven", "trunc", "modf", "isnan", "isinf", "matrixCompMult", "outerProduct", "inverse",
        "emit", "half", "texture2D", "texture3D",
    ]

    static func glslName(_ name: String) -> String {
        if reservedInGLSL.contains(name) || name.hasPrefix("gl_") || name.contains("__") {
            var out = "h_"
            var previous: Character = " "
            for c in name {
                // "__" is reserved in GLSL; break every run of underscores up.
                if c == "_", previous == "_" { out += "u" }
                out.append(c)
                previous = c
            }
            return out
        }
        return name
    }

    mutating func declare(_ name: String, _ type: ShaderType) -> String {
        let glsl = Self.glslName(name)
        scopes[scopes.count - 1][name] = Symbol(type: type, glslName: glsl)
        return glsl
    }

    mutating func lookup(_ name: String, line: Int) throws -> Typed {
        for scope in scopes.reversed() {
            if let s = scope[name] { return Typed(code: s.glslName, type: s.type) }
        }
        if let t = declaredSamplers[name] ?? (ShaderEnvironment.isBuiltInSampler(name) ? ShaderEnvironment.samplerType(name) : nil) {
            usedSamplers[name] = t
            return Typed(code: Self.glslName(name), type: t)
        }
        if let t = ShaderEnvironment.uniforms[name] {
            usedUniforms.insert(name)
            return Typed(code: name, type: t)
        }
        if name.hasPrefix("texsize_") {
            usedUniforms.insert(name)
            return Typed(code: name, type: .vector(.float, 4))
        }
        throw ShaderTranslationError.undeclared(line: line, name: name)
    }

    /// Notes a write through `e` (`q1 = …`, `x.y++`, an out argument) so that written uniforms get copies.
    mutating func noteWrite(_ e: Expression) {
        switch e {
        case let .name(name, _):
            if scopes.contains(where: { $0[name] != nil }) { return }
            if ShaderEnvironment.uniforms[name] != nil || name.hasPrefix("texsize_") { writtenUniforms.insert(name) }
        case let .member(base, _, _), let .index(base, _, _):
            noteWrite(base)
        default:
            break
        }
    }

    // MARK: conversions

    /// `e` converted to `target` as HLSL converts implicitly: scalar widening, vector truncation, int/float/bool.
    func convert(_ e: Typed, to target: ShaderType, line: Int) throws -> String {
        if e.type == target { return e.code }
        switch (e.type, target) {
        case let (.scalar(from), .scalar(to)):
            if e.isIntLiteral, to == .float { return Self.floatLiteral(e.code) }
            _ = from
            return "\(ShaderType.scalar(to).glsl)(\(e.code))"
        case let (.scalar, .vector(to, _)):
            let scalar = try convert(e, to: .scalar(to), line: line)
            return "\(target.glsl)(\(scalar))"
        case let (.vector(from, n), .scalar(to)) where n >= 1:
            let x = "\(e.code).x"
            return from == to ? x : "\(target.glsl)(\(x))"
        case let (.vector(from, n), .vector(to, m)) where n >= m:
            let truncated = n == m ? e.code : "\(e.code).\(String("xyzw".prefix(m)))"
            return from == to ? truncated : "\(target.glsl)(\(truncated))"
        case let (.matrix(r1, c1), .matrix(r2, c2)) where r1 >= r2 && c1 >= c2:
            return "\(target.glsl)(\(e.code))"
        case (.vector(_, 4), .matrix(2, 2)):
            return "mat2(\(e.code))"
        case (.sampler2D, .sampler3D), (.sampler3D, .sampler2D):
            throw ShaderTranslationError.type(line: line, message: "a \(e.type.hlsl) sampler where a \(target.hlsl) is needed")
        default:
            throw ShaderTranslationError.type(line: line, message: "cannot convert \(e.type.hlsl) to \(target.hlsl)")
        }
    }

    func convertTyped(_ e: Typed, to target: ShaderType, line: Int) throws -> Typed {
        var t = Typed(code: try convert(e, to: target, line: line), type: target)
        t.isConstant = e.isConstant
        return t
    }

    static func floatLiteral(_ text: String) -> String {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return Int(text.dropFirst(2), radix: 16).map { "\($0).0" } ?? "float(\(text))" }
        return text + ".0"
    }

    /// The type two operands meet at, as HLSL's binary operators and intrinsics choose it.
    static func common(_ types: [ShaderType], atLeast minimum: ShaderType.Scalar = .bool) -> ShaderType? {
        var scalar = minimum
        var count: Int?
        for t in types {
            guard let s = t.scalar, let n = t.count else { return nil }
            scalar = max(scalar, s)
            if n > 1 { count = min(count ?? n, n) }
        }
        return .numeric(scalar, count ?? 1)
    }
}
