extension Parser {
    mutating func parseBlock() throws -> [Statement] {
        try expect("{")
        var statements: [Statement] = []
        while !accept("}") {
            guard current.kind != .end else { throw syntax("unclosed '{'") }
            statements.append(try parseStatement())
        }
        return statements
    }

    mutating func parseStatement() throws -> Statement {
        try enter()
        defer { depth -= 1 }
        // Attributes such as [unroll] or [loop] change nothing in GLSL.
        while current.isPunct("["), peek(1).kind == .identifier, peek(2).isPunct("]") || peek(2).isPunct("(") {
            while !accept("]") { _ = advance() }
        }
        if current.isPunct("{") { return .block(try parseBlock()) }
        if accept(";") { return .empty }
        if current.kind == .identifier {
            let line = current.line
            switch current.text {
            case "if":
                _ = advance()
                try expect("(")
                let condition = try parseExpression()
                try expect(")")
                let then = try parseStatement()
                if current.kind == .identifier, current.text == "else" {
                    _ = advance()
                    return .ifElse(condition, then, try parseStatement())
                }
                return .ifElse(condition, then, nil)
            case "for":
                _ = advance()
                try expect("(")
                let initial: Statement? = current.isPunct(";") ? nil : try parseSimpleStatement()
                try expect(";")
                let condition = current.isPunct(";") ? nil : try parseExpression()
                try expect(";")
                let step = current.isPunct(")") ? nil : try parseExpression()
                try expect(")")
                return .forLoop(initial, condition, step, try parseStatement())
            case "while":
                _ = advance()
                try expect("(")
                let condition = try parseExpression()
                try expect(")")
                return .whileLoop(condition, try parseStatement())
            case "do":
                _ = advance()
                let body = try parseStatement()
                guard current.text == "while" else { throw syntax("expected 'while' after do") }
                _ = advance()
                try expect("(")
                let condition = try parseExpression()
                try expect(")")
                try expect(";")
                return .doWhile(body, condition)
            case "return":
                _ = advance()
                if accept(";") { return .returnValue(nil, line: line) }
                let value = try parseExpression()
                try expect(";")
                return .returnValue(value, line: line)
            case "break": _ = advance(); try expect(";"); return .breakLoop
            case "continue": _ = advance(); try expect(";"); return .continueLoop
            case "discard": _ = advance(); try expect(";"); return .discard
            default: break
            }
        }
        let statement = try parseSimpleStatement()
        try expect(";")
        return statement
    }

    /// A declaration or an expression, without its ending ';'.
    mutating func parseSimpleStatement() throws -> Statement {
        if atDeclaration() {
            var isConst = false
            while current.kind == .identifier, Self.qualifiers.contains(current.text) { isConst = isConst || advance().text == "const" }
            let type = try parseType()
            var declarations: [VariableDeclaration] = []
            while true {
                let line = current.line
                let name = try identifier()
                var t = type
                if accept("[") {
                    guard current.kind == .intLiteral, let n = Int(advance().text) else { throw syntax("array size must be a number") }
                    try expect("]")
                    t = .array(type, n)
                }
                let initializer: Expression? = accept("=") ? try parseAssignment() : nil
                declarations.append(VariableDeclaration(type: t, name: name, initializer: initializer, isConst: isConst, line: line))
                if !accept(",") { break }
            }
            return .declarations(declarations)
        }
        return .expression(try parseExpression())
    }
}
