/// Parses one statement (the text between top-level `;`) with projectm-eval's operator precedence.
///
/// projectm-eval's bison grammar is ambiguous and resolved by a precedence table; this precedence-climbing parser
/// reproduces the same trees, including the quirks: `%` binds tighter than `*`, unary minus tighter than `^`
/// (`-2^2 == 4`), `!` looser than `^`, `<`/`<=` tighter than `>`/`>=`, and assignments right-associative with
/// compound operators binding tighter than `=` (`a += b = c` is `(a += b) = c`).
struct Parser {
    private let tokens: [Token]
    private var position = 0
    /// Current nesting of the tree being built; bounded so evaluating it cannot overflow the stack.
    private var depth = 0
    /// Deepest expression tree accepted (real presets stay far below; see `SyntaxTests`).
    static let maximumDepth = 256

    /// A syntax error at a token offset.
    struct Failure: Error, Sendable {
        var offset: Int
        var message: String
    }

    init(tokens: [Token]) { self.tokens = tokens }

    /// A statement that did not parse: the error and the byte range of the dropped text.
    struct DroppedStatement: Sendable {
        var failure: Failure
        var start: Int
        var end: Int
    }

    /// Parses `statement (; statement)*`. A statement that fails is dropped up to the next `;` after the error
    /// (at any nesting depth), and parsing resumes there.
    mutating func parseProgram() -> (statements: [Expression], dropped: [DroppedStatement]) {
        var statements: [Expression] = []
        var dropped: [DroppedStatement] = []
        while peek.kind != .end {
            if peek.isSemicolon { _ = advance(); continue }
            if peek.kind == .op("("), position + 2 < tokens.count, tokens[position + 1].kind == .op(")"),
               tokens[position + 2].isSemicolon || tokens[position + 2].kind == .end {
                position += 2
                continue  // `()` is an empty statement
            }
            let start = peek.offset
            do throws(Failure) {
                let e = try expression(minLevel: 0)
                guard peek.isSemicolon || peek.kind == .end else { throw unexpected(peek) }
                statements.append(e)
            } catch {
                // Resume from the offending token (the parser may have consumed it).
                while position > 0 && tokens[position].offset > error.offset { position -= 1 }
                while !peek.isSemicolon && peek.kind != .end { _ = advance() }
                dropped.append(DroppedStatement(failure: error, start: start, end: peek.offset))
            }
        }
        return (statements, dropped)
    }

    private var peek: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let t = peek
        if position < tokens.count - 1 { position += 1 }
        return t
    }

    private func unexpected(_ t: Token) -> Failure {
        Failure(offset: t.offset, message: "syntax error, unexpected \(t.kind)")
    }

    private mutating func expect(_ op: String) throws(Failure) {
        guard peek.kind == .op(op) else {
            throw Failure(offset: peek.offset, message: "syntax error, unexpected \(peek.kind), expecting '\(op)'")
        }
        _ = advance()
    }

    /// Infix operators: (binding level, right-associative, builtin).
    private static let infix: [String: (Int, Bool, Builtin)] = [
        "=": (2, true, .set),
        "+=": (3, true, .addOp), "-=": (3, true, .subOp),
        "*=": (4, true, .mulOp), "/=": (4, true, .divOp), "%=": (4, true, .modOp),
        "^=": (5, true, .powOp), "|=": (5, true, .orOp), "&=": (5, true, .andOp),
        "||": (7, false, .boolOr), "&&": (8, false, .boolAnd),
        "|": (9, false, .bitOr), "&": (10, false, .bitAnd),
        "==": (11, false, .equal), "!=": (11, false, .notEqual),
        ">": (12, false, .above), ">=": (12, false, .aboveEq),
        "<": (13, false, .below), "<=": (13, false, .belowEq),
        "+": (14, false, .add), "-": (14, false, .sub),
        "*": (15, false, .mul), "/": (15, false, .div),
        "%": (16, false, .mod),
        "^": (18, false, .pow),
    ]
    private static let ternaryLevel = 6
    private static let notOperandLevel = 18
    private static let negOperandLevel = 20
    private static let subscriptLevel = 20

    private mutating func expression(minLevel: Int) throws(Failure) -> Expression {
        let outerDepth = depth
        defer { depth = outerDepth }
        try deeper()
        var left = try prefix()
        while true {
            // Each operator applied here nests `left` one level deeper.
            try deeper()
            guard case .op(let op) = peek.kind else { break }
            if op == "[" {
                guard Self.subscriptLevel >= minLevel else { break }
                _ = advance()
                if peek.kind == .op("]") {
                    _ = advance()
                    left = .makeCall(.megabuf, [left])
                } else {
                    let offset = try expression(minLevel: 0)
                    try expect("]")
                    left = .makeCall(.megabuf, [.makeCall(.add, [left, offset])])
                }
                continue
            }
            if op == "?" {
                guard Self.ternaryLevel >= minLevel else { break }
                _ = advance()
                let whenTrue = try expression(minLevel: 0)
                try expect(":")
                let whenFalse = try expression(minLevel: Self.ternaryLevel)
                left = .makeCall(.ifElse, [left, whenTrue, whenFalse])
                continue
            }
            guard let (level, rightAssoc, f) = Self.infix[op], level >= minLevel else { break }
            _ = advance()
            let right = try expression(minLevel: rightAssoc ? level : level + 1)
            left = .makeCall(f, [left, right])
        }
        return left
    }

    private mutating func deeper() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth {
            throw Failure(offset: peek.offset, message: "expression nested more than \(Self.maximumDepth) levels deep")
        }
    }

    private mutating func prefix() throws(Failure) -> Expression {
        let t = advance()
        switch t.kind {
        case .number(let v):
            return .constant(v)
        case .op("-"):
            return .makeCall(.neg, [try expression(minLevel: Self.negOperandLevel)])
        case .op("+"):
            return try expression(minLevel: Self.negOperandLevel)
        case .op("!"):
            return .makeCall(.not, [try expression(minLevel: Self.notOperandLevel)])
        case .op("("):
            let e = try instructionList()
            try expect(")")
            return e
        case .gmem:
            try expect("[")
            if peek.kind == .op("]") {
                _ = advance()
                return .makeCall(.gmegabuf, [.constant(0)])
            }
            let index = try expression(minLevel: 0)
            try expect("]")
            return .makeCall(.gmegabuf, [index])
        case .name(let name):
            if let f = Builtin.named(name) {
                guard peek.kind == .op("(") else {
                    throw Failure(offset: peek.offset, message: "function '\(name)' must be followed by '('")
                }
                _ = advance()
                var args: [Expression] = [try instructionList()]
                while peek.kind == .op(",") {
                    _ = advance()
                    args.append(try instructionList())
                }
                try expect(")")
                guard args.count == f.arity else {
                    throw Failure(offset: t.offset, message:
                        "function '\(name)' expects \(f.arity) argument\(f.arity == 1 ? "" : "s"), got \(args.count)")
                }
                return .makeCall(f, args)
            }
            if peek.kind == .op("(") {
                throw Failure(offset: t.offset, message: "unknown function '\(name)'")
            }
            return .variable(name)
        default:
            throw unexpected(t)
        }
    }

    /// `expr (; expr | ; | ; ())*` inside parentheses and function arguments.
    private mutating func instructionList() throws(Failure) -> Expression {
        var items: [Expression] = [try expression(minLevel: 0)]
        while peek.kind == .op(";") {
            _ = advance()
            if peek.kind == .op(";") || peek.kind == .op(")") || peek.kind == .op(",") { continue }
            if peek.kind == .op("("), position + 1 < tokens.count, tokens[position + 1].kind == .op(")") {
                position += 2
                continue
            }
            items.append(try expression(minLevel: 0))
        }
        return .makeList(items)
    }
}
