import Testing
@testable import MilkExpression

@Suite struct MemoryTests {
    @Test func megabufReadWrite() {
        let c = evaluate("megabuf(10) = 5; x = megabuf(10); y = megabuf(11); z = megabuf(9.99995)")
        #expect(c["x"] == 5 && c["y"] == 0)
        #expect(c["z"] == 5, "index rounds as (int)(i + 0.0001)")
    }

    @Test func subscriptSyntax() {
        let c = evaluate("a = 100; a[5] = 3; x = megabuf(105); y = 105[]; gmem[7] = 2; z = gmegabuf(7)")
        #expect(c["x"] == 3 && c["y"] == 3 && c["z"] == 2)
    }

    @Test func outOfRangeReadsZeroAndWritesAreIgnored() {
        let c = evaluate("megabuf(-2) = 5; x = megabuf(-2); w = megabuf(-0.5); megabuf(8388608) = 4; y = megabuf(8388608); z = megabuf(8388607) = 6")
        #expect(c["x"] == 0 && c["y"] == 0 && c["z"] == 6)
        #expect(c["w"] == 0, "-0.5 rounds to index 0, a valid (empty) cell")
        #expect(c.megabuf.allocatedBlocks == 1)
    }

    @Test func blocksAreAllocatedLazily() {
        let c = evaluate("megabuf(70000) = 1; x = megabuf(5000000)")
        #expect(c.megabuf.allocatedBlocks == 1)
    }

    @Test func memsetAndMemcpy() {
        let c = evaluate("memset(10, 7, 5); memcpy(20, 10, 5); a = megabuf(14); b = megabuf(15); d = megabuf(24); e = megabuf(25)")
        #expect(c["a"] == 7 && c["b"] == 0 && c["d"] == 7 && c["e"] == 0)
        let m = evaluate("megabuf(0) = 1; megabuf(1) = 2; megabuf(2) = 3; memcpy(1, 0, 3); a = megabuf(1); b = megabuf(2); d = megabuf(3)")
        #expect(m["a"] == 1 && m["b"] == 2 && m["d"] == 3, "overlap behaves like memmove")
    }

    @Test func freembufIsANoOpLikeProjectMEval() {
        #expect(value("megabuf(3) = 4; freembuf(0); x = megabuf(3)") == 4)
    }

    @Test func gmegabufAndRegistersAreSharedAcrossContexts() {
        let shared = SharedMemory()
        var a = ExpressionContext(shared: shared)
        var b = ExpressionContext(shared: shared)
        a.compile("gmem[5] = 9; reg07 = 3; megabuf(1) = 4").run(in: &a)
        b.compile("x = gmem[5]; y = reg07; z = megabuf(1); reg7 = 1").run(in: &b)
        #expect(b["x"] == 9 && b["y"] == 3 && b["z"] == 0)
        #expect(shared.registers[7] == 3, "reg7 (one digit) is an ordinary variable")
    }
}

@Suite struct MemoryReferenceTests {
    /// Regression (found by the differential fuzzer): in projectm-eval an assignment to an out-of-range cell yields a
    /// temporary holding the assigned value, not 0.
    @Test func outOfRangeCellAssignmentYieldsTheAssignedValue() {
        let c = evaluate("a = (megabuf(-5) = 3) + 1; b = (megabuf(9000000) += 2); d = (gmem[-9] = 7)")
        #expect(c["a"] == 4 && c["b"] == 2 && c["d"] == 7)
    }

    @Test func cellReferencesAreReadAfterTheRightOperand() {
        #expect(value("x = (megabuf(0) = 1) + (megabuf(0) = 2)") == 4)
        #expect(value("i = 3; megabuf(3) = 5; x = megabuf(i) + (i = 0)") == 5, "the cell is fixed when referenced")
    }
}
