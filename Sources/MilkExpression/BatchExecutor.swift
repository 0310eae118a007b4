#if canImport(Glibc)
import Glibc
#endif

/// Runs branch-free bytecode one instruction at a time over every vertex of a batch.
///
/// Register r of vertex k lives at `f[r * n + k]`; each instruction is one tight loop, so interpretation costs are
/// paid once per instruction instead of once per vertex. The arithmetic is `ScalarMath`'s, element by element, so
/// results are bit-identical to scalar execution.
enum BatchExecutor {
    @inline(__always)
    private static func map1(_ d: UnsafeMutablePointer<Double>, _ a: UnsafeMutablePointer<Double>, _ n: Int,
                             _ op: (Double) -> Double) {
        for k in 0..<n { d[k] = op(a[k]) }
    }

    @inline(__always)
    private static func map2(_ d: UnsafeMutablePointer<Double>, _ a: UnsafeMutablePointer<Double>,
                             _ b: UnsafeMutablePointer<Double>, _ n: Int, _ op: (Double, Double) -> Double) {
        for k in 0..<n { d[k] = op(a[k], b[k]) }
    }

    /// Runs over the first `n` vertices of a frame whose registers are `stride` doubles apart.
    static func execute(_ code: UnsafeBufferPointer<Instruction>, _ f: UnsafeMutablePointer<Double>, count n: Int,
                        stride: Int) {
        for i in code {
            let d = f + Int(i.d) * stride, a = f + Int(i.a) * stride, b = f + Int(i.b) * stride
            switch i.op {
            case .add: map2(d, a, b, n) { $0 + $1 }
            case .sub: map2(d, a, b, n) { $0 - $1 }
            case .mul: map2(d, a, b, n) { $0 * $1 }
            case .div: map2(d, a, b, n) { ScalarMath.div($0, $1) }
            case .mod: map2(d, a, b, n) { ScalarMath.mod($0, $1) }
            case .pow: map2(d, a, b, n) { ScalarMath.pow($0, $1) }
            case .bitOr: map2(d, a, b, n) { ScalarMath.bitOr($0, $1) }
            case .bitAnd: map2(d, a, b, n) { ScalarMath.bitAnd($0, $1) }
            case .equal: map2(d, a, b, n) { ScalarMath.equal($0, $1) }
            case .notEqual: map2(d, a, b, n) { ScalarMath.notEqual($0, $1) }
            case .below: map2(d, a, b, n) { $0 < $1 ? 1 : 0 }
            case .above: map2(d, a, b, n) { $0 > $1 ? 1 : 0 }
            case .belowEq: map2(d, a, b, n) { $0 <= $1 ? 1 : 0 }
            case .aboveEq: map2(d, a, b, n) { $0 >= $1 ? 1 : 0 }
            case .band: map2(d, a, b, n) { ScalarMath.band($0, $1) }
            case .bor: map2(d, a, b, n) { ScalarMath.bor($0, $1) }
            case .atan2: map2(d, a, b, n) { Glibc.atan2($0, $1) }
            case .min: map2(d, a, b, n) { ScalarMath.min($0, $1) }
            case .max: map2(d, a, b, n) { ScalarMath.max($0, $1) }
            case .sigmoid: map2(d, a, b, n) { ScalarMath.sigmoid($0, $1) }
            case .land: map2(d, a, b, n) { ScalarMath.truth($0) && ScalarMath.truth($1) ? 1 : 0 }
            case .lor: map2(d, a, b, n) { ScalarMath.truth($0) || ScalarMath.truth($1) ? 1 : 0 }
            case .mov: if d != a { d.update(from: a, count: n) }
            case .neg: map1(d, a, n) { -$0 }
            case .not: map1(d, a, n) { ScalarMath.not($0) }
            case .sin: map1(d, a, n) { Glibc.sin($0) }
            case .cos: map1(d, a, n) { Glibc.cos($0) }
            case .tan: map1(d, a, n) { Glibc.tan($0) }
            case .asin: map1(d, a, n) { ScalarMath.asin($0) }
            case .acos: map1(d, a, n) { ScalarMath.acos($0) }
            case .atan: map1(d, a, n) { Glibc.atan($0) }
            case .sqr: map1(d, a, n) { $0 * $0 }
            case .sqrt: map1(d, a, n) { ScalarMath.sqrt($0) }
            case .exp: map1(d, a, n) { Glibc.exp($0) }
            case .log: map1(d, a, n) { ScalarMath.log($0) }
            case .log10: map1(d, a, n) { ScalarMath.log10($0) }
            case .abs: map1(d, a, n) { Swift.abs($0) }
            case .sign: map1(d, a, n) { ScalarMath.sign($0) }
            case .floor: map1(d, a, n) { Glibc.floor($0) }
            case .ceil: map1(d, a, n) { Glibc.ceil($0) }
            case .invsqrt: map1(d, a, n) { ScalarMath.invsqrt($0) }
            case .truth: map1(d, a, n) { ScalarMath.truth($0) ? 1 : 0 }
            case .select:
                let c = f + Int(i.c) * stride
                for k in 0..<n { d[k] = a[k] != 0 ? b[k] : c[k] }
            default:
                // Scalar-only instructions never reach a batch (FastProgram.isBatchable).
                break
            }
        }
    }
}
