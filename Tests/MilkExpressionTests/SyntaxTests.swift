import Testing
@testable import MilkExpression

@Suite struct SyntaxTests {
    @Test func numberLiterals() {
        #expect(value("x = 1.5") == 1.5)
        #expect(value("x = .5") == 0.5)
        #expect(value("x = 5.") == 5)
        #expect(value("x = 1e-3") == 0.001)
        #expect(value("x = 2.5E2") == 250)
    }

    @Test func dollarConstants() {
        #expect(value("x = $PI") == Double(Float(3.141592653589793)))
        #expect(value("x = $pi") == Double(Float(3.141592653589793)))
        #expect(value("x = $E") == Double(Float(2.71828183)))
        #expect(value("x = $PHI") == Double(Float(1.61803399)))
        #expect(value("x = $X1F") == 31)
        #expect(value("x = $xff") == 255)
        #expect(value("x = $'a'") == 97)
    }

    @Test func namesAreCaseInsensitive() {
        let c = evaluate("MyVar = 2; x = myvar * SIN(0) + MYVAR")
        #expect(c["x"] == 2)
    }

    @Test func unsetVariablesReadZero() {
        #expect(value("x = never_set + 1") == 1)
    }

    @Test func comments() {
        #expect(value("x = 1; // x = 2\nx = x + 1") == 2)
        #expect(value("x = 1 /* x = 5; */ + 2") == 3)
        #expect(value("x = sin/*c*/(0) + 4") == 4)
    }

    @Test func emptyStatementsAndParenthesisedLists() {
        #expect(value(";; x = 1;; ;") == 1)
        #expect(value("x = (1; 2; 3)") == 3)
        #expect(value("x = 1; ()") == 1)
    }

    @Test func qAndTVariablesAreOrdinary() {
        let c = evaluate("q1 = 2; t8 = q1 * 2; q32 = t8")
        #expect(c["q32"] == 4)
    }

    @Test func badStatementIsDroppedAndTheRestRuns() {
        var context = ExpressionContext()
        let code = context.compile("a = 1;\nb = (2 + ;\nc = 3; d = foo(1); e = sin(1, 2); f = 4")
        code.run(in: &context)
        #expect(context["a"] == 1 && context["c"] == 3 && context["f"] == 4)
        #expect(context["b"] == 0)
        #expect(code.diagnostics.count == 3)
        #expect(code.diagnostics[0].line == 2 && code.diagnostics[0].column == 10)
        #expect(code.diagnostics[1].message.contains("unknown function 'foo'"))
        #expect(code.diagnostics[2].message.contains("expects 1 argument"))
    }

    @Test func invalidCharactersAndFunctionsWithoutParensAreErrors() {
        var context = ExpressionContext()
        #expect(context.compile("x = 1 # 2").diagnostics.count == 1)
        #expect(context.compile("x = sin").diagnostics.count == 1)
        #expect(context.compile("gmem = 1").diagnostics.count == 1)
        #expect(context.compile("x = (1, 2)").diagnostics.count == 1)
    }

    @Test func slotsBindWithoutNameLookups() {
        var context = ExpressionContext()
        let code = context.compile("y = x * 2")
        let x = context.slot("x"), y = context.slot("y")
        context[x] = 21
        code.run(in: &context)
        #expect(context[y] == 42)
    }
}

@Suite struct NestingLimitTests {
    @Test func absurdNestingIsASyntaxErrorNotACrash() {
        var context = ExpressionContext()
        let deepParens = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let longChain = "x = " + Array(repeating: "1", count: 100_000).joined(separator: " + ")
        for source in ["y = " + deepParens + "; z = 1", longChain + "; z = 1"] {
            let code = context.compile(source)
            #expect(code.diagnostics.count == 1)
            #expect(code.diagnostics[0].message.contains("nested"))
            code.run(in: &context)
            #expect(context["z"] == 1)
        }
    }

    @Test func ordinaryLongExpressionsStillCompile() {
        let sum = "x = " + Array(repeating: "1", count: 200).joined(separator: " + ")
        #expect(value(sum) == 200)
    }
}

@Suite struct StrictAndEvaluationTests {
    @Test func strictCompilationThrowsOnTheFirstBadStatement() {
        var context = ExpressionContext()
        #expect(throws: MilkExpressionError.syntax(source: "code", line: 1, column: 14, message: "syntax error, unexpected ';'")) {
            _ = try context.compileStrict("x = 1; ;y = (;")
        }
    }

    @Test func evaluationPrintsVariablesAndErrors() throws {
        let setting = try Evaluation.parseSetting(" a = 2 ")
        #expect(setting.name == "a" && setting.value == 2)
        #expect(throws: MilkExpressionError.badSetting("a")) { _ = try Evaluation.parseSetting("a") }
        let e = Evaluation(code: "b = a * 3; reg02 = 1; c = (", settings: [setting])
        #expect(e.text == "a = 2\nb = 6\nreg02 = 1\nerror: line 1, column 28: syntax error, unexpected end of statement: c = (")
    }
}
