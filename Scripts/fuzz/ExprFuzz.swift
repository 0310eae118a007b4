// libFuzzer entry point for the expression compiler and both evaluators (built by Scripts/fuzz-expr.sh, not part of
// the package). Any input must compile (dropping what does not parse) and run without crashing or hanging, and the
// fast evaluator must leave every variable bit-identical to the reference evaluator.
import Foundation
import MilkExpression

@_cdecl("LLVMFuzzerTestOneInput")
public func exprFuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    var fast = ExpressionContext(seed: 11)
    fast.loopIterationLimit = 1 << 16  // keeps each input fast; the cap itself is what is being exercised
    let code = fast.compile(source)
    let x = fast.slot("x"), y = fast.slot("y")
    fast[x] = 0.25
    fast[y] = -1.5
    // Registers and gmegabuf are shared objects: give the reference run its own copy of the starting state.
    var referenceContext = ExpressionContext(shared: SharedMemory(), seed: 11)
    referenceContext.loopIterationLimit = 1 << 16
    let referenceCode = referenceContext.compile(source)
    referenceContext[referenceContext.slot("x")] = 0.25
    referenceContext[referenceContext.slot("y")] = -1.5
    for _ in 0..<2 {
        code.run(in: &fast)
        referenceCode.runReference(in: &referenceContext)
    }
    var batch = VertexBatch(count: 5, slots: [x, y])
    batch.columns = [[0, 0.25, 0.5, 0.75, 1], [1, 0.5, 0, -0.5, -1]]
    var referenceBatch = VertexBatch(count: 5, slots: [referenceContext.slot("x"), referenceContext.slot("y")])
    referenceBatch.columns = batch.columns
    code.run(batch: &batch, in: &fast)
    referenceCode.runReference(batch: &referenceBatch, in: &referenceContext)

    func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
    for (a, b) in zip(fast.variables, referenceContext.variables) where a.name != b.name || !same(a.value, b.value) {
        FileHandle.standardError.write(Data("mismatch \(a.name): fast \(a.value) reference \(b.value)\n".utf8))
        abort()
    }
    for (a, b) in zip(batch.columns.joined(), referenceBatch.columns.joined()) where !same(a, b) {
        FileHandle.standardError.write(Data("batch mismatch: fast \(a) reference \(b)\n".utf8))
        abort()
    }
    for (a, b) in zip(fast.shared.registers, referenceContext.shared.registers) where !same(a, b) {
        FileHandle.standardError.write(Data("register mismatch: fast \(a) reference \(b)\n".utf8))
        abort()
    }
    return 0
}
