#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The arithmetic of every operator and function, shared by both evaluators so their results are bit-identical.
///
/// Thresholds and edge cases follow projectm-eval: `==`, `!`, `&&`, `||`, `while` and division compare against
/// 1e-300; `band`/`bor`/`sigmoid` against 1e-5; `if` tests `!= 0` exactly.
enum ScalarMath {
    static let closeFactorLow = 1e-300
    static let closeFactor = 0.00001
    static let maxLoopCount: Int64 = 1_048_576

    /// Double → int64 as x86 `cvttsd2si` does: truncation, and INT64_MIN for NaN or out-of-range values.
    @inline(__always) static func toInt64(_ x: Double) -> Int64 {
        guard x > -9_223_372_036_854_775_809.0 && x < 9_223_372_036_854_775_808.0 else { return .min }
        return Int64(x)
    }

    /// Double → int32 as x86 `cvttsd2si` does: truncation, and INT32_MIN for NaN or out-of-range values.
    @inline(__always) static func toInt32(_ x: Double) -> Int32 {
        guard x > -2_147_483_649.0 && x < 2_147_483_648.0 else { return .min }
        return Int32(x)
    }

    /// Memory index as projectm-eval computes it: `(int32)(x + 0.0001)`.
    @inline(__always) static func memoryIndex(_ x: Double) -> Int32 { toInt32(x + 0.0001) }

    @inline(__always) static func div(_ a: Double, _ b: Double) -> Double {
        Swift.abs(b) < closeFactorLow ? 0 : a / b
    }

    @inline(__always) static func mod(_ a: Double, _ b: Double) -> Double {
        let divisor = toInt64(b)
        if divisor == 0 { return 0 }
        return Double(toInt64(a).remainderReportingOverflow(dividingBy: divisor).partialValue)
    }

    @inline(__always) static func pow(_ a: Double, _ b: Double) -> Double {
        if Swift.abs(a) < closeFactorLow && b < 0 { return 0 }
        let r = Glibc.pow(a, b)
        return r.isNaN ? 0 : r
    }

    @inline(__always) static func bitOr(_ a: Double, _ b: Double) -> Double { Double(toInt64(a) | toInt64(b)) }
    @inline(__always) static func bitAnd(_ a: Double, _ b: Double) -> Double { Double(toInt64(a) & toInt64(b)) }
    @inline(__always) static func not(_ a: Double) -> Double { Swift.abs(a) < closeFactorLow ? 1 : 0 }
    @inline(__always) static func truth(_ a: Double) -> Bool { Swift.abs(a) > closeFactorLow }
    @inline(__always) static func equal(_ a: Double, _ b: Double) -> Double { Swift.abs(a - b) < closeFactorLow ? 1 : 0 }
    @inline(__always) static func notEqual(_ a: Double, _ b: Double) -> Double { Swift.abs(a - b) > closeFactorLow ? 1 : 0 }
    @inline(__always) static func band(_ a: Double, _ b: Double) -> Double {
        Swift.abs(a) > closeFactor && Swift.abs(b) > closeFactor ? 1 : 0
    }
    @inline(__always) static func bor(_ a: Double, _ b: Double) -> Double {
        Swift.abs(a) > closeFactor || Swift.abs(b) > closeFactor ? 1 : 0
    }
    @inline(__always) static func asin(_ a: Double) -> Double { a < -1 || a > 1 ? 0 : Glibc.asin(a) }
    @inline(__always) static func acos(_ a: Double) -> Double { a < -1 || a > 1 ? 0 : Glibc.acos(a) }
    @inline(__always) static func log(_ a: Double) -> Double { a <= 0 ? 0 : Glibc.log(a) }
    @inline(__always) static func log10(_ a: Double) -> Double { a <= 0 ? 0 : Glibc.log10(a) }
    @inline(__always) static func sqrt(_ a: Double) -> Double { Glibc.sqrt(Swift.abs(a)) }
    @inline(__always) static func min(_ a: Double, _ b: Double) -> Double { a < b ? a : b }
    @inline(__always) static func max(_ a: Double, _ b: Double) -> Double { a > b ? a : b }
    @inline(__always) static func sign(_ a: Double) -> Double { a == 0 ? 0 : (a < 0 ? -1 : 1) }

    @inline(__always) static func sigmoid(_ a: Double, _ b: Double) -> Double {
        let t = 1 + Glibc.exp(-a * b)
        return Swift.abs(t) > closeFactor ? 1.0 / t : 0
    }

    /// MilkDrop's fast inverse square root, in the double-precision form projectm-eval uses.
    @inline(__always) static func invsqrt(_ a: Double) -> Double {
        let half = a * 0.5
        var y = Double(bitPattern: 0x5fe6_eb50_c7b5_37a9 &- (a.bitPattern >> 1))
        y = y * (1.5 - (half * y * y))
        return y.isNaN ? 0 : y
    }

    /// One-argument function by builtin; used by both evaluators.
    @inline(__always) static func unary(_ f: Builtin, _ a: Double) -> Double {
        switch f {
        case .neg: return -a
        case .not: return not(a)
        case .sin: return Glibc.sin(a)
        case .cos: return Glibc.cos(a)
        case .tan: return Glibc.tan(a)
        case .asin: return asin(a)
        case .acos: return acos(a)
        case .atan: return Glibc.atan(a)
        case .sqr: return a * a
        case .sqrt: return sqrt(a)
        case .exp: return Glibc.exp(a)
        case .log: return log(a)
        case .log10: return log10(a)
        case .abs: return Swift.abs(a)
        case .sign: return sign(a)
        case .floor: return Glibc.floor(a)
        case .ceil: return Glibc.ceil(a)
        case .invsqrt: return invsqrt(a)
        default: return 0
        }
    }

    /// Two-argument pure function by builtin; used by both evaluators.
    @inline(__always) static func binary(_ f: Builtin, _ a: Double, _ b: Double) -> Double {
        switch f {
        case .add: return a + b
        case .sub: return a - b
        case .mul: return a * b
        case .div: return div(a, b)
        case .mod: return mod(a, b)
        case .pow: return pow(a, b)
        case .bitOr: return bitOr(a, b)
        case .bitAnd: return bitAnd(a, b)
        case .equal: return equal(a, b)
        case .notEqual: return notEqual(a, b)
        case .below: return a < b ? 1 : 0
        case .above: return a > b ? 1 : 0
        case .belowEq: return a <= b ? 1 : 0
        case .aboveEq: return a >= b ? 1 : 0
        case .band: return band(a, b)
        case .bor: return bor(a, b)
        case .atan2: return Glibc.atan2(a, b)
        case .min: return min(a, b)
        case .max: return max(a, b)
        case .sigmoid: return sigmoid(a, b)
        default: return 0
        }
    }
}
