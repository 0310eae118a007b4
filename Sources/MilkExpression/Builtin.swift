/// Every function and operator of the language, as projectm-eval's intrinsic table lists them.
///
/// Operators are functions too (`a + b` is `_add(a, b)`), so users may call the underscore names directly.
enum Builtin: String, Sendable, CaseIterable {
    // Control flow and sequencing.
    case ifElse, boolAnd, boolOr, loop, whileLoop, exec2, exec3
    // Comparison and logic.
    case not, equal, notEqual, below, above, belowEq, aboveEq, band, bor, bitOr, bitAnd
    // Assignment.
    case set, addOp, subOp, mulOp, divOp, modOp, powOp, orOp, andOp
    // Arithmetic.
    case add, sub, mul, div, mod, pow, neg
    // Math.
    case sin, cos, tan, asin, acos, atan, atan2, sqr, sqrt, exp, log, log10, abs, min, max, sign
    case rand, floor, ceil, invsqrt, sigmoid
    // Memory.
    case megabuf, gmegabuf, freembuf, memcpy, memset

    /// Number of arguments projectm-eval accepts.
    var arity: Int {
        switch self {
        case .ifElse, .exec3, .memcpy, .memset: return 3
        case .boolAnd, .boolOr, .loop, .exec2, .equal, .notEqual, .below, .above, .belowEq, .aboveEq,
             .band, .bor, .bitOr, .bitAnd, .set, .addOp, .subOp, .mulOp, .divOp, .modOp, .powOp, .orOp, .andOp,
             .add, .sub, .mul, .div, .mod, .pow, .atan2, .min, .max, .sigmoid:
            return 2
        default: return 1
        }
    }

    /// True when the function itself changes state (writes variables or memory); projectm-eval drops
    /// non-final statements that change nothing, and never folds these.
    var changesState: Bool {
        switch self {
        case .set, .addOp, .subOp, .mulOp, .divOp, .modOp, .powOp, .orOp, .andOp,
             .megabuf, .gmegabuf, .freembuf, .memcpy, .memset:
            return true
        default: return false
        }
    }

    /// True when a call with constant arguments may be evaluated at compile time.
    var isConstantFoldable: Bool { !changesState && self != .rand }

    /// The compound-assignment operators and the arithmetic they perform.
    var compoundOperation: Builtin? {
        switch self {
        case .addOp: return .add
        case .subOp: return .sub
        case .mulOp: return .mul
        case .divOp: return .div
        case .modOp: return .mod
        case .powOp: return .pow
        case .orOp: return .bitOr
        case .andOp: return .bitAnd
        default: return nil
        }
    }

    /// Looks up a function by its (lower-case) name as written in code.
    static func named(_ name: String) -> Builtin? { table[name] }

    private static let table: [String: Builtin] = [
        "if": .ifElse, "_if": .ifElse, "_and": .boolAnd, "_or": .boolOr, "loop": .loop, "while": .whileLoop,
        "_not": .not, "bnot": .not, "_equal": .equal, "equal": .equal, "_noteq": .notEqual,
        "_below": .below, "below": .below, "_above": .above, "above": .above, "_beleq": .belowEq, "_aboeq": .aboveEq,
        "_set": .set, "assign": .set, "_add": .add, "_sub": .sub, "_mul": .mul, "_div": .div, "_mod": .mod,
        "_mulop": .mulOp, "_divop": .divOp, "_orop": .orOp, "_andop": .andOp, "_addop": .addOp, "_subop": .subOp,
        "_modop": .modOp, "sin": .sin, "cos": .cos, "tan": .tan, "asin": .asin, "acos": .acos, "atan": .atan,
        "atan2": .atan2, "sqr": .sqr, "sqrt": .sqrt, "pow": .pow, "_powop": .powOp, "exp": .exp, "_neg": .neg,
        "log": .log, "log10": .log10, "abs": .abs, "min": .min, "max": .max, "sign": .sign, "rand": .rand,
        "floor": .floor, "int": .floor, "ceil": .ceil, "invsqrt": .invsqrt, "sigmoid": .sigmoid,
        "band": .band, "bor": .bor, "exec2": .exec2, "exec3": .exec3, "_mem": .megabuf, "megabuf": .megabuf,
        "_gmem": .gmegabuf, "gmegabuf": .gmegabuf, "freembuf": .freembuf, "memcpy": .memcpy, "memset": .memset,
    ]
}
