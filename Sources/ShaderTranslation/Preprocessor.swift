/// Expands `#define` macros (object-like and function-like) over a token stream, as the HLSL preprocessor does.
struct Preprocessor {
    struct Macro {
        var parameters: [String]?
        var body: [Token]
    }

    private(set) var macros: [String: Macro] = [:]
    /// The most tokens expansion may produce: real shaders have a few thousand, and macros that double at each level
    /// (`#define M2 M1 M1` …) would otherwise expand for hours.
    static let maximumTokens = 1 << 18

    /// Defines the macros of a `#define` text given without its line structure, e.g. `lum(x) (dot(x, …))`.
    mutating func define(_ directive: String) throws {
        try handle(Token(kind: .directive, text: "#define " + directive, line: 0))
    }

    /// The tokens with directives applied and removed and macros expanded.
    mutating func run(_ tokens: [Token]) throws -> [Token] {
        var out: [Token] = []
        // One entry per open #if: whether its current branch is kept, and whether any branch was.
        var conditions: [(active: Bool, taken: Bool)] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            let live = conditions.allSatisfy(\.active)
            if token.kind == .directive {
                let (keyword, rest) = Self.split(token.text)
                switch keyword {
                case "if", "ifdef", "ifndef":
                    var condition = (macros[rest.trimmingSpaces] != nil) == (keyword == "ifdef")
                    if keyword == "if" { condition = live ? try evaluate(rest, line: token.line) : false }
                    let value = live && condition
                    conditions.append((value, value))
                case "elif", "else":
                    guard let last = conditions.popLast() else {
                        throw ShaderTranslationError.syntax(line: token.line, message: "#\(keyword) without #if")
                    }
                    let outer = conditions.allSatisfy(\.active)
                    let wanted = outer && !last.taken
                    var value = wanted
                    if wanted, keyword == "elif" { value = try evaluate(rest, line: token.line) }
                    conditions.append((value, last.taken || value))
                case "endif":
                    guard conditions.popLast() != nil else {
                        throw ShaderTranslationError.syntax(line: token.line, message: "#endif without #if")
                    }
                default:
                    if live { try handle(token) }
                }
                i += 1
            } else if live {
                i = try expand(tokens, at: i, into: &out, active: [])
            } else {
                i += 1
            }
        }
        return out
    }

    static func split(_ directive: String) -> (Substring, String) {
        let body = directive.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        let keyword = body.prefix(while: { $0.isLetter })
        return (keyword, String(body.dropFirst(keyword.count)))
    }

    /// The truth of an `#if` condition: an integer, `defined(NAME)`, `!`, or a macro that expands to an integer.
    private func evaluate(_ text: String, line: Int) throws -> Bool {
        var tokens = try Lexer.tokens(text)
        tokens.removeLast()
        var negate = false
        while let first = tokens.first, first.isPunct("!") { negate.toggle(); tokens.removeFirst() }
        let names = tokens.filter { $0.kind == .identifier }.map(\.text)
        var value: Bool
        if names.first == "defined", names.count == 2 {
            value = macros[names[1]] != nil
        } else {
            var expanded: [Token] = []
            var j = 0
            while j < tokens.count { j = try expand(tokens, at: j, into: &expanded, active: []) }
            expanded.removeAll { $0.isPunct("(") || $0.isPunct(")") }
            guard expanded.count == 1, let number = Double(expanded[0].text) else {
                throw ShaderTranslationError.unsupported(line: line, message: "#if \(text.trimmingSpaces)")
            }
            value = number != 0
        }
        return value != negate
    }

    private mutating func handle(_ token: Token) throws {
        let (keyword, rest) = Self.split(token.text)
        switch keyword {
        case "define":
            var lexed = try Lexer.tokens(rest)
            lexed.removeLast()
            for j in lexed.indices { lexed[j].line = token.line }
            guard let name = lexed.first, name.kind == .identifier else {
                throw ShaderTranslationError.syntax(line: token.line, message: "#define without a name")
            }
            // A '(' right after the name (no space) makes a function-like macro.
            let afterName = rest.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(name.text.count)
            if afterName.first == "(" {
                guard let close = lexed.firstIndex(where: { $0.isPunct(")") }) else {
                    throw ShaderTranslationError.syntax(line: token.line, message: "unclosed macro parameters")
                }
                let parameters = lexed[2..<close].filter { $0.kind == .identifier }.map(\.text)
                macros[name.text] = Macro(parameters: parameters, body: Array(lexed[(close + 1)...]))
            } else {
                macros[name.text] = Macro(parameters: nil, body: Array(lexed.dropFirst()))
            }
        case "undef":
            macros[rest.trimmingSpaces] = nil
        default:
            break // #include, #pragma and friends carry nothing MilkDrop presets rely on
        }
    }

    /// Expands the token at `i` (a macro use or a plain token) into `out`; returns the index after what it consumed.
    private func expand(_ tokens: [Token], at i: Int, into out: inout [Token], active: Set<String>) throws -> Int {
        let token = tokens[i]
        guard out.count < Self.maximumTokens else {
            throw ShaderTranslationError.unsupported(line: token.line, message: "macros expand to over \(Self.maximumTokens) tokens")
        }
        guard token.kind == .identifier, !active.contains(token.text), let macro = macros[token.text] else {
            out.append(token)
            return i + 1
        }
        var next = i + 1
        var replacement = macro.body.map { var t = $0; t.line = token.line; return t }
        if let parameters = macro.parameters {
            guard next < tokens.count, tokens[next].isPunct("(") else { out.append(token); return i + 1 }
            var arguments: [[Token]] = [[]]
            var depth = 0
            next += 1
            while true {
                guard next < tokens.count, tokens[next].kind != .end else {
                    throw ShaderTranslationError.syntax(line: token.line, message: "unclosed call of macro \(token.text)")
                }
                let t = tokens[next]
                next += 1
                if t.isPunct("(") { depth += 1 } else if t.isPunct(")") {
                    if depth == 0 { break }
                    depth -= 1
                } else if t.isPunct(","), depth == 0 { arguments.append([]); continue }
                arguments[arguments.count - 1].append(t)
            }
            if parameters.isEmpty, arguments == [[]] { arguments = [] }
            guard arguments.count == parameters.count else {
                throw ShaderTranslationError.syntax(line: token.line, message: "macro \(token.text) takes \(parameters.count) arguments")
            }
            var expandedArguments: [[Token]] = []
            for argument in arguments {
                var expanded: [Token] = []
                var j = 0
                while j < argument.count { j = try expand(argument, at: j, into: &expanded, active: active) }
                expandedArguments.append(expanded)
            }
            replacement = replacement.flatMap { t -> [Token] in
                if t.kind == .identifier, let k = parameters.firstIndex(of: t.text) { return expandedArguments[k] }
                return [t]
            }
        }
        var inner = active
        inner.insert(token.text)
        var j = 0
        while j < replacement.count { j = try expand(replacement, at: j, into: &out, active: inner) }
        return next
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
