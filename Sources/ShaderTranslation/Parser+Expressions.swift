extension Parser {
    static let binaryPrecedence: [String: Int] = [
        "||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6, "<": 7, ">": 7, "<=": 7, ">=": 7,
        "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
    ]
    static let assignments: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="]

    mutating func parseExpression() throws -> Expression {
        var left = try parseAssignment()
        while current.isPunct(",") {
            let line = advance().line
            left = .comma(left, try parseAssignment(), line: line)
        }
        return left
    }

    mutating func parseAssignment() throws -> Expression {
        try enter()
        defer { depth -= 1 }
        if current.isPunct("{") {
            let line = advance().line
            var items: [Expression] = []
            while !accept("}") {
                items.append(try parseAssignment())
                if !accept(",") { try expect("}"); break }
            }
            return .list(items, line: line)
        }
        let target = try parseConditional()
        if current.kind == .punctuation, Self.assignments.contains(current.text) {
            let op = advance()
            return .assign(op.text, target, try parseAssignment(), line: op.line)
        }
        return target
    }

    mutating func parseConditional() throws -> Expression {
        let condition = try parseBinary(1)
        guard current.isPunct("?") else { return condition }
        let line = advance().line
        let a = try parseAssignment()
        try expect(":")
        return .conditional(condition, a, try parseAssignment(), line: line)
    }

    mutating func parseBinary(_ minimum: Int) throws -> Expression {
        var left = try parseUnary()
        while current.kind == .punctuation, let p = Self.binaryPrecedence[current.text], p >= minimum {
            let op = advance()
            let right = try parseBinary(p + 1)
            left = .binary(op.text, left, right, line: op.line)
        }
        return left
    }

    mutating func parseUnary() throws -> Expression {
        try enter()
        defer { depth -= 1 }
        let t = current
        if t.kind == .punctuation, ["-", "+", "!", "~", "++", "--"].contains(t.text) {
            _ = advance()
            return .unary(t.text, try parseUnary(), line: t.line)
        }
        if t.isPunct("("), peek(1).kind == .identifier, let type = ShaderType(hlslName: peek(1).text), peek(2).isPunct(")") {
            position += 3
            return .cast(type, try parseUnary(), line: t.line)
        }
        return try parsePostfix(try parsePrimary())
    }

    mutating func parsePostfix(_ base: Expression) throws -> Expression {
        var e = base
        while true {
            let t = current
            if accept(".") {
                e = .member(e, try identifier(), line: t.line)
            } else if accept("[") {
                let i = try parseExpression()
                try expect("]")
                e = .index(e, i, line: t.line)
            } else if t.isPunct("++") || t.isPunct("--") {
                _ = advance()
                e = .postfix(t.text, e, line: t.line)
            } else {
                return e
            }
        }
    }

    mutating func parsePrimary() throws -> Expression {
        let t = advance()
        switch t.kind {
        case .intLiteral: return .intLiteral(t.text, line: t.line)
        case .floatLiteral: return .floatLiteral(t.text, line: t.line)
        case .identifier:
            if t.text == "true" || t.text == "false" { return .boolLiteral(t.text == "true", line: t.line) }
            if accept("(") {
                var arguments: [Expression] = []
                while !accept(")") {
                    arguments.append(try parseAssignment())
                    if !accept(",") { try expect(")"); break }
                }
                return .call(t.text, arguments, line: t.line)
            }
            return .name(t.text, line: t.line)
        case .punctuation where t.text == "(":
            let e = try parseExpression()
            try expect(")")
            return e
        default:
            throw ShaderTranslationError.syntax(line: t.line, message: t.kind == .end ? "unexpected end of shader" : "unexpected '\(t.text)'")
        }
    }
}
