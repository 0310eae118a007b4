@testable import MilkExpression

/// Runs code on both evaluators, checks they agree bit for bit, and returns the fast context.
func evaluate(_ code: String, _ presets: [String: Double] = [:], seed: UInt32 = MersenneTwister.milkDropSeed)
    -> ExpressionContext {
    var fast = ExpressionContext(seed: seed)
    for (k, v) in presets { fast[fast.slot(k)] = v }
    let compiled = fast.compile(code)
    var reference = fast
    reference = ExpressionContext(seed: seed)
    for (k, v) in presets { reference[reference.slot(k)] = v }
    let compiledRef = reference.compile(code)
    compiled.run(in: &fast)
    compiledRef.runReference(in: &reference)
    for (name, value) in fast.variables {
        let r = reference[name]
        if r.bitPattern != value.bitPattern && !(r.isNaN && value.isNaN) {
            Issue.record("\(code): \(name) fast \(value) != reference \(r)")
        }
    }
    return fast
}

/// The value of `x` after running code.
func value(_ code: String, _ presets: [String: Double] = [:]) -> Double {
    evaluate(code, presets)["x"]
}

import Testing
