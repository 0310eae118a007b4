extension GLSLEmitter {
    /// GLSL lines of one statement, indented by `depth`.
    mutating func statement(_ s: Statement, depth: Int) throws -> [String] {
        let pad = String(repeating: "    ", count: depth)
        switch s {
        case let .block(items):
            scopes.append([:])
            defer { scopes.removeLast() }
            var lines = [pad + "{"]
            for item in items { lines += try statement(item, depth: depth + 1) }
            return lines + [pad + "}"]
        case let .declarations(list):
            return try list.map { pad + (try localDeclaration($0)) }
        case let .expression(e):
            return [pad + Self.stripOuterParentheses(try expression(e).code) + ";"]
        case let .ifElse(c, then, otherwise):
            let condition = try condition(c)
            var lines = [pad + "if (\(condition))"] + (try scoped(then, depth: depth))
            if let otherwise { lines += [pad + "else"] + (try scoped(otherwise, depth: depth)) }
            return lines
        case let .forLoop(initial, c, step, body):
            scopes.append([:])
            defer { scopes.removeLast() }
            var first = ""
            if let initial {
                first = try statement(initial, depth: 0).joined(separator: " ")
                first = String(first.dropLast())
            }
            let test = try c.map { try condition($0) } ?? ""
            let next = try step.map { Self.stripOuterParentheses(try expression($0).code) } ?? ""
            return [pad + "for (\(first); \(test); \(next))"] + (try scoped(body, depth: depth))
        case let .whileLoop(c, body):
            return [pad + "while (\(try condition(c)))"] + (try scoped(body, depth: depth))
        case let .doWhile(body, c):
            let lines = try scoped(body, depth: depth)
            return [pad + "do"] + lines + [pad + "while (\(try condition(c)));"]
        case let .returnValue(value, line):
            guard let value else { return [pad + "return;"] }
            let v = try expression(value)
            return [pad + "return \(try convert(v, to: returnType, line: line));"]
        case .breakLoop: return [pad + "break;"]
        case .continueLoop: return [pad + "continue;"]
        case .discard: return [pad + "discard;"]
        case .empty: return []
        }
    }

    /// A nested statement in its own scope, always braced.
    mutating func scoped(_ s: Statement, depth: Int) throws -> [String] {
        if case .block = s { return try statement(s, depth: depth) }
        scopes.append([:])
        defer { scopes.removeLast() }
        let pad = String(repeating: "    ", count: depth)
        return [pad + "{"] + (try statement(s, depth: depth + 1)) + [pad + "}"]
    }

    mutating func condition(_ e: Expression) throws -> String {
        let c = try expression(e)
        if let n = c.type.count, n > 1 { return "all(\(try convert(c, to: .vector(.bool, n), line: e.line)))" }
        return Self.stripOuterParentheses(try convert(c, to: .bool, line: e.line))
    }

    /// `T name = value;` for a local; `const` stays only when GLSL accepts the value as a constant expression.
    mutating func localDeclaration(_ d: VariableDeclaration) throws -> String {
        let value = try d.initializer.map { try initializer($0, for: d.type, line: d.line) }
        let glsl = declare(d.name, d.type)
        let isConst = d.isConst && value?.isConstant == true
        return Self.declarationText(d.type, glsl, value: value?.code, isConst: isConst) + ";"
    }

    static func declarationText(_ type: ShaderType, _ name: String, value: String?, isConst: Bool) -> String {
        var text = (isConst ? "const " : "") + type.glsl + " " + name
        if case let .array(_, n) = type { text += "[\(n)]" }
        if let value { text += " = " + value }
        return text
    }

    /// The value of a declaration, converted to its type; `{ … }` lists fill arrays, vectors and matrices.
    mutating func initializer(_ e: Expression, for type: ShaderType, line: Int) throws -> Typed {
        if case let .list(items, _) = e {
            if case let .array(element, n) = type {
                guard items.count == n else { throw ShaderTranslationError.type(line: line, message: "\(items.count) values for \(type.hlsl)") }
                let parts = try items.map { try initializer($0, for: element, line: line) }
                return Typed(code: "\(element.glsl)[\(n)](\(parts.map(\.code).joined(separator: ", ")))", type: type,
                             isConstant: parts.allSatisfy(\.isConstant))
            }
            return try construct(type, try items.map { try expression($0) }, line: line)
        }
        let v = try expression(e)
        if case .matrix = type, v.type.count == 1 { return try construct(type, [v], line: line) }
        return Typed(code: try convert(v, to: type, line: line), type: type, isConstant: v.isConstant)
    }

    static func stripOuterParentheses(_ code: String) -> String {
        guard code.hasPrefix("("), code.hasSuffix(")") else { return code }
        var depth = 0
        for (i, c) in code.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            if depth == 0, i < code.count - 1 { return code }
        }
        return String(code.dropFirst().dropLast())
    }
}
