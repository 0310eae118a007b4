import Testing
@testable import MilkExpression

/// Runs code over a batch on both evaluators and checks every column and variable match bit for bit.
private func batchAgrees(_ code: String, bound: [String], count: Int = 600, presets: [String: Double] = [:])
    -> (vectorised: Bool, columns: [[Double]], context: ExpressionContext) {
    var fast = ExpressionContext(seed: 5)
    var reference = ExpressionContext(seed: 5)
    let compiled = fast.compile(code)
    let referenceCode = reference.compile(code)
    for (k, v) in presets { fast[fast.slot(k)] = v; reference[reference.slot(k)] = v }
    let slots = bound.map { fast.slot($0) }
    _ = bound.map { reference.slot($0) }
    var b1 = VertexBatch(count: count, slots: slots)
    for s in 0..<slots.count { b1.columns[s] = (0..<count).map { Double($0 * (s + 1)) / Double(count) - 0.3 } }
    var b2 = b1
    for _ in 0..<2 {
        compiled.run(batch: &b1, in: &fast)
        referenceCode.runReference(batch: &b2, in: &reference)
    }
    for (c1, c2) in zip(b1.columns, b2.columns) {
        #expect(zip(c1, c2).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }, "\(code)")
    }
    for (a, b) in zip(fast.variables, reference.variables) {
        #expect(a.name == b.name && (a.value.bitPattern == b.value.bitPattern || (a.value.isNaN && b.value.isNaN)),
                "\(code): \(a.name) \(a.value) vs \(b.value)")
    }
    return (compiled.vectorises(binding: slots), b1.columns, fast)
}

@Suite struct BatchTests {
    @Test func independentVerticesVectorise() {
        let r = batchAgrees("t = sin(time * 0.7); zoom = zoom + t * x; rot = if(above(x, 0.5), y, -y)",
                            bound: ["x", "y", "zoom", "rot"], presets: ["time": 2])
        #expect(r.vectorised)
    }

    @Test func carriedVariableRunsPerVertexInOrder() {
        let r = batchAgrees("acc = acc + x; zoom = acc", bound: ["x", "zoom"], count: 10)
        #expect(!r.vectorised)
        #expect(r.columns[1][9] == r.context["acc"], "each vertex sees the previous vertex's acc")
    }

    @Test func carriedChainWithoutVertexInputsSplits() {
        let code = """
        thresh = above(bass_att, thresh) * 2 + (1 - above(bass_att, thresh)) * ((thresh - 1.3) * 0.96 + 1.3);
        dx_r = equal(thresh, 2) * 0.015 * sin(5 * time) + (1 - equal(thresh, 2)) * dx_r;
        dx = dx + dx_r * sin(y * 10); zoom = thresh
        """
        var context = ExpressionContext()
        let compiled = context.compile(code)
        let slots = ["x", "y", "dx", "zoom"].map { context.slot($0) }
        #expect(compiled.batchMode(binding: slots) == .split)
        let r = batchAgrees(code, bound: ["x", "y", "dx", "zoom"], count: 700, presets: ["bass_att": 1.5, "time": 1])
        #expect(!r.vectorised)
        #expect(r.columns[3][1] != r.columns[3][2], "thresh changes from vertex to vertex")
    }

    @Test func carriedChainThatReadsVertexInputsStaysPerVertex() {
        var context = ExpressionContext()
        let compiled = context.compile("acc = acc * 0.5 + x; zoom = acc")
        #expect(compiled.batchMode(binding: ["x", "zoom"].map { context.slot($0) }) == .perVertex)
    }

    @Test func randAndMemoryForcePerVertexExecution() {
        #expect(!batchAgrees("zoom = rand(10) + x", bound: ["x", "zoom"]).vectorised)
        #expect(!batchAgrees("megabuf(x * 100) = x; zoom = megabuf(50)", bound: ["x", "zoom"]).vectorised)
    }

    @Test func readBeforeWriteCarriesThePreviousVertexValue() {
        let r = batchAgrees("a = q1; q1 = x; zoom = a", bound: ["x", "zoom"], count: 10, presets: ["q1": 3])
        #expect(!r.vectorised)
        #expect(r.columns[1][1] == r.columns[0][0] && r.columns[1][5] == r.columns[0][4])
    }

    @Test func uniformConditionKeepsOnlyOneBranch() {
        let r = batchAgrees("zoom = if(q1 > 0.5, sin(x) * 2, cos(x) + pow(x, 3))", bound: ["x", "zoom"], presets: ["q1": 1])
        #expect(r.vectorised)
        let s = batchAgrees("zoom = if(q1 > 0.5, sin(x) * 2, cos(x) + pow(x, 3))", bound: ["x", "zoom"], presets: ["q1": 0])
        #expect(s.columns[1][3] != r.columns[1][3])
    }

    @Test func batchesLargerThanOneChunk() {
        let r = batchAgrees("zoom = x * 2 + y; w = zoom", bound: ["x", "y", "zoom"], count: 1813)
        #expect(r.vectorised)
        #expect(r.context["w"] == r.columns[2][1812], "the context keeps the last vertex's values")
    }

    @Test func branchesWithAssignmentsRunPerVertex() {
        let r = batchAgrees("if(above(x, 0.2), zoom = 2, rot = 3); c = c + 1", bound: ["x", "zoom", "rot"])
        #expect(!r.vectorised)
        #expect(r.context["c"] == 1200, "two batches of 600 vertices")
    }

    @Test func boundButUnusedSlotsPassThrough() {
        let r = batchAgrees("zoom = 1.5", bound: ["x", "zoom", "sx"])
        #expect(r.columns[1].allSatisfy { $0 == 1.5 })
    }
}
