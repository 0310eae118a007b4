/// Compiling source text against a context's variables, with statement-level error recovery.
extension ExpressionContext {
    /// Compiles code. A statement (text between top-level `;`) that does not parse is dropped and reported in
    /// `diagnostics`; the rest compiles and runs, as MilkDrop users expect.
    public mutating func compile(_ source: String) -> CompiledCode {
        let tokens = Lexer(source).tokens()
        let lines = LineIndex(source)
        var parser = Parser(tokens: tokens)
        let (parsed, dropped) = parser.parseProgram()
        let diagnostics = dropped.map { d in
            let (line, column) = lines.position(of: d.failure.offset)
            return ExpressionDiagnostic(offset: d.failure.offset, line: line, column: column,
                                        message: d.failure.message, statement: Self.text(source, from: d.start, to: d.end))
        }
        let program: [Expression]
        switch Expression.makeList(parsed.isEmpty ? [] : parsed) {
        case .list(let items): program = items
        case let single: program = parsed.isEmpty ? [] : [single]
        }
        let nodes = program.map { Node($0, in: &self) }
        let fast = try? BytecodeCompiler.compile(nodes)
        return CompiledCode(statements: nodes, fast: fast, diagnostics: diagnostics, compiledStatements: parsed.count,
                            slotCount: values.count)
    }

    private static func text(_ source: String, from: Int, to: Int) -> String {
        let u = Array(source.utf8)
        let lo = Swift.min(Swift.max(0, from), u.count), hi = Swift.min(Swift.max(lo, to), u.count)
        return String(decoding: u[lo..<hi], as: UTF8.self).trimmingWhitespace()
    }
}

/// Maps byte offsets to 1-based line and column.
struct LineIndex {
    private var starts: [Int] = [0]

    init(_ source: String) {
        for (i, b) in source.utf8.enumerated() where b == 10 { starts.append(i + 1) }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, offset - starts[lo] + 1)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
