import Testing
@testable import MilkExpression

@Suite struct OperatorTests {
    @Test func arithmetic() {
        #expect(value("x = 1 + 2 * 3") == 7)
        #expect(value("x = (1 + 2) * 3") == 9)
        #expect(value("x = 7 - 2 - 1") == 4)
        #expect(value("x = 8 / 2 / 2") == 2)
        #expect(value("x = 2 ^ 3") == 8)
        #expect(value("x = 2 ^ 3 ^ 2") == 64, "^ is left-associative")
    }

    @Test func divisionByZeroIsZero() {
        #expect(value("x = 5 / 0") == 0)
        #expect(value("x = 5; x /= 0") == 0)
        #expect(value("x = 5 / 1e-301") == 0)
    }

    @Test func moduloIsInt64AndBindsTighterThanMultiply() {
        #expect(value("x = 7.9 % 3.2") == 1)
        #expect(value("x = -7 % 3") == -1)
        #expect(value("x = 5 % 0") == 0)
        #expect(value("x = 5 % 0.5") == 0, "divisor truncates to 0")
        #expect(value("x = 2 * 7 % 4") == 6, "2 * (7 % 4)")
        #expect(value("x = 7 % 4 * 2") == 6)
        #expect(value("x = 10; x %= 4") == 2)
    }

    @Test func unaryMinusBindsTighterThanPow() {
        #expect(value("x = -2^2") == 4)
        #expect(value("x = 2^-1") == 0.5)
        #expect(value("x = - -3") == 3)
        #expect(value("x = +3") == 3)
    }

    @Test func notBindsLooserThanPow() {
        #expect(value("x = !0^2") == 1, "!(0^2)")
        #expect(value("x = !0 + 1") == 2, "(!0) + 1")
        #expect(value("x = !1e-301") == 1, "below 1e-300 counts as zero")
        #expect(value("x = !1e-299") == 0)
    }

    @Test func comparisons() {
        #expect(value("x = 1 < 2") == 1)
        #expect(value("x = 2 <= 2") == 1)
        #expect(value("x = 1 > 2") == 0)
        #expect(value("x = 2 >= 2") == 1)
        #expect(value("x = 3 > 2 < 1") == 1, "< binds tighter than >: 3 > (2 < 1)")
        #expect(value("x = 1 + 1 == 2") == 1)
    }

    @Test func equalityIsNearExact() {
        #expect(value("x = 1 == 1") == 1)
        #expect(value("x = 0.1 + 0.2 == 0.3") == 0, "difference 5.5e-17 is above 1e-300")
        #expect(value("x = 0 == 1e-301") == 1)
        #expect(value("x = 1 != 2") == 1)
        #expect(value("x = 0 != 1e-301") == 0)
    }

    @Test func logicalShortCircuit() {
        let c = evaluate("a = 0 && (b = 1); c = 1 || (d = 1); e = 1 && (f = 2); g = 0 || (h = 3)")
        #expect(c["a"] == 0 && c["b"] == 0)
        #expect(c["c"] == 1 && c["d"] == 0)
        #expect(c["e"] == 1 && c["f"] == 2)
        #expect(c["g"] == 1 && c["h"] == 3)
        #expect(value("x = 2 && 3") == 1)
    }

    @Test func ternaryShortCircuitsAndAssigns() {
        let c = evaluate("a = 1 ? (b = 2) : (c = 3); d = 0; (d ? e : f) = 5")
        #expect(c["a"] == 2 && c["b"] == 2 && c["c"] == 0)
        #expect(c["f"] == 5 && c["e"] == 0)
        #expect(value("x = 0 ? 1 : 0 ? 2 : 3") == 3, "right-associative")
    }

    @Test func bitwiseOnIntegers() {
        #expect(value("x = 5.7 | 2.2") == 7)
        #expect(value("x = 6 & 3") == 2)
        #expect(value("x = 1 | 2 & 3") == 3, "& binds tighter than |")
        #expect(value("x = 12; x &= 10") == 8)
        #expect(value("x = 12; x |= 3") == 15)
    }

    @Test func compoundAssignments() {
        #expect(value("x = 1; x += 2") == 3)
        #expect(value("x = 5; x -= 2") == 3)
        #expect(value("x = 5; x *= 2") == 10)
        #expect(value("x = 5; x /= 2") == 2.5)
        #expect(value("x = 3; x ^= 2") == 9)
        #expect(value("x = 0; x ^= -1") == 0, "pow(0, negative) is 0")
    }

    @Test func assignmentIsRightAssociativeAndAnExpression() {
        let c = evaluate("a = b = 3; c = (d = 2) + 1")
        #expect(c["a"] == 3 && c["b"] == 3 && c["c"] == 3 && c["d"] == 2)
        let q = evaluate("a = 1; b = 1; a += b = 5")
        #expect(q["a"] == 5, "(a += b) = 5")
        #expect(q["b"] == 1)
    }

    @Test func referencesAreReadAfterBothOperands() {
        #expect(value("y = 1; x = y + (y = 5)") == 10)
        #expect(value("y = 1; x = (y = 5) + y") == 10)
    }

    @Test func ifAssignmentTarget() {
        let c = evaluate("c = 1; if(c, a, b) = 7; if(0, a, b) = 8; assign(if(c, d, e), 9)")
        #expect(c["a"] == 7 && c["b"] == 8 && c["d"] == 9)
    }
}
