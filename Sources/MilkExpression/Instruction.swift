/// One register-machine instruction of the fast evaluator: `d = op(a, b, c)` over frame registers.
struct Instruction: Sendable {
    enum Op: UInt8, Sendable {
        // Binary, `d = a op b`.
        case add, sub, mul, div, mod, pow, bitOr, bitAnd, equal, notEqual, below, above, belowEq, aboveEq
        case band, bor, atan2, min, max, sigmoid
        /// `d = truth(a) && truth(b)` / `||`, both sides already evaluated (pure right side).
        case land, lor
        // Unary, `d = op(a)`.
        case mov, neg, not, sin, cos, tan, asin, acos, atan, sqr, sqrt, exp, log, log10, abs, sign, floor, ceil
        case invsqrt, truth
        /// `d = a != 0 ? b : c` (pure branches).
        case select
        // Scalar-only: state beyond the frame, or control flow.
        case rand
        case memRead, gmemRead      // d = mem[index(a)]
        case memWrite, gmemWrite    // mem[index(a)] = b
        case memReadOr, gmemReadOr  // d = index(a) in range ? mem[index(a)] : b
        case memset, memcpy         // a, b, c
        case jump                   // pc = d
        case jumpIfZero             // if a == 0 { pc = d }
        case jumpIfFalse            // if !truth(a) { pc = d }
        case jumpIfTrue             // if truth(a) { pc = d }
        case loopInit               // d = clamp(int64(a), 0, 1048576)
        case loopNext               // if a <= 0 { pc = d } else { a -= 1 }
        case whileNext              // a -= 1; if truth(b) && a > 0 && loop budget left { pc = d }
    }

    var op: Op
    var d: Int32
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0

    /// True for instructions that only the scalar executor can run.
    var isScalarOnly: Bool { op.rawValue >= Op.rand.rawValue }

    /// Registers this instruction reads.
    var reads: [Int32] {
        switch op {
        case .jump: return []
        case .whileNext: return [a, b]
        case .loopInit, .jumpIfZero, .jumpIfFalse, .jumpIfTrue, .loopNext, .memRead, .gmemRead, .rand:
            return [a]
        case .memWrite, .gmemWrite, .memReadOr, .gmemReadOr: return [a, b]
        case .memset, .memcpy, .select: return [a, b, c]
        case .mov, .neg, .not, .sin, .cos, .tan, .asin, .acos, .atan, .sqr, .sqrt, .exp, .log, .log10, .abs, .sign,
             .floor, .ceil, .invsqrt, .truth:
            return [a]
        default: return [a, b]
        }
    }

    /// The register this instruction writes, if any.
    var writes: Int32? {
        switch op {
        case .memWrite, .gmemWrite, .memset, .memcpy, .jump, .jumpIfZero, .jumpIfFalse, .jumpIfTrue: return nil
        case .loopNext, .whileNext: return a
        default: return d
        }
    }
}
