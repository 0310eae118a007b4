/// A recursive-descent parser for MilkDrop's HLSL: globals, functions and `shader_body`.
struct Parser {
    var tokens: [Token]
    var position = 0
    /// How deep expressions and statements nest now; bounded so hostile input cannot exhaust the stack.
    var depth = 0
    static let maximumDepth = 256
    /// The `sampler_state` blocks of sampler declarations, by sampler name.
    var samplerStates: [String: SamplerState] = [:]

    mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw syntax("nesting deeper than \(Self.maximumDepth) levels") }
    }

    init(_ tokens: [Token]) { self.tokens = tokens }

    var current: Token { tokens[min(position, tokens.count - 1)] }
    func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = current
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    mutating func accept(_ punct: String) -> Bool {
        if current.isPunct(punct) { position += 1; return true }
        return false
    }

    mutating func expect(_ punct: String) throws {
        guard accept(punct) else { throw syntax("expected '\(punct)' but found '\(current.text)'") }
    }

    mutating func identifier() throws -> String {
        guard current.kind == .identifier else { throw syntax("expected a name but found '\(current.text)'") }
        return advance().text
    }

    func syntax(_ message: String) -> ShaderTranslationError { .syntax(line: current.line, message: message) }

    static let qualifiers: Set<String> = ["static", "const", "uniform", "extern", "shared", "volatile", "inline", "precise", "in", "row_major", "column_major"]

    /// Whether a type (after optional qualifiers) starts at the current token.
    func atDeclaration() -> Bool {
        var k = 0
        while peek(k).kind == .identifier, Self.qualifiers.contains(peek(k).text) { k += 1 }
        return peek(k).kind == .identifier && ShaderType(hlslName: peek(k).text) != nil && peek(k + 1).kind == .identifier
    }

    /// Parses the whole text into top-level items.
    mutating func parseProgram() throws -> [TopLevel] {
        var items: [TopLevel] = []
        while current.kind != .end {
            if accept(";") { continue }
            if current.kind == .identifier, current.text == "shader_body" {
                _ = advance()
                items.append(.shaderBody(try parseBlock()))
                continue
            }
            guard atDeclaration() else { throw syntax("unexpected '\(current.text)' at top level") }
            var isConst = false
            while current.kind == .identifier, Self.qualifiers.contains(current.text) { isConst = isConst || advance().text == "const" }
            let type = try parseType()
            let nameLine = current.line
            let name = try identifier()
            if current.isPunct("(") {
                items.append(.function(try parseFunction(type, name, line: nameLine)))
            } else {
                items.append(.variables(try parseDeclarators(type, first: name, isConst: isConst, line: nameLine)))
            }
        }
        return items
    }

    mutating func parseType() throws -> ShaderType {
        let name = try identifier()
        guard let type = ShaderType(hlslName: name) else { throw syntax("unknown type '\(name)'") }
        return type
    }

    mutating func skipSemantic() throws {
        if accept(":") { _ = try identifier() }
    }

    mutating func parseFunction(_ returnType: ShaderType, _ name: String, line: Int) throws -> FunctionDefinition {
        try expect("(")
        var parameters: [Parameter] = []
        if !(current.kind == .identifier && current.text == "void" && peek(1).isPunct(")")) {
            while !current.isPunct(")") {
                var isOutput = false
                while current.kind == .identifier, ["in", "out", "inout", "const", "uniform"].contains(current.text) {
                    let q = advance().text
                    isOutput = isOutput || q == "out" || q == "inout"
                }
                var type = try parseType()
                let pname = try identifier()
                if accept("[") {
                    guard current.kind == .intLiteral, let n = Int(advance().text) else { throw syntax("array size must be a number") }
                    try expect("]")
                    type = .array(type, n)
                }
                try skipSemantic()
                parameters.append(Parameter(type: type, name: pname, isOutput: isOutput))
                if !accept(",") { break }
            }
        } else {
            _ = advance()
        }
        try expect(")")
        try skipSemantic()
        if accept(";") { return FunctionDefinition(returnType: returnType, name: name, parameters: parameters, body: [], line: line) }
        return FunctionDefinition(returnType: returnType, name: name, parameters: parameters, body: try parseBlock(), line: line)
    }

    /// Declarators after the first name: `a = 1, b[2], c;`.
    mutating func parseDeclarators(_ baseType: ShaderType, first: String, isConst: Bool, line: Int) throws -> [VariableDeclaration] {
        var result: [VariableDeclaration] = []
        var name = first
        var line = line
        while true {
            var type = baseType
            if accept("[") {
                if current.kind == .intLiteral, let n = Int(current.text) {
                    _ = advance()
                    type = .array(baseType, n)
                } else {
                    throw syntax("array size must be a number")
                }
                try expect("]")
            }
            try skipSemantic()
            var initializer: Expression?
            if accept("=") {
                if current.kind == .identifier, current.text == "sampler_state" {
                    _ = advance()
                    samplerStates[name] = try parseSamplerState()
                } else {
                    initializer = try parseAssignment()
                }
            }
            result.append(VariableDeclaration(type: type, name: name, initializer: initializer, isConst: isConst, line: line))
            if accept(",") {
                line = current.line
                name = try identifier()
                continue
            }
            try expect(";")
            return result
        }
    }

    mutating func skipBraces() throws {
        try expect("{")
        var depth = 1
        while depth > 0 {
            guard current.kind != .end else { throw syntax("unclosed '{'") }
            let t = advance()
            if t.isPunct("{") { depth += 1 } else if t.isPunct("}") { depth -= 1 }
        }
    }
}
