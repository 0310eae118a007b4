#if canImport(Glibc)
import Glibc
#endif

/// Runs bytecode on one set of registers, with jumps, memory and the random generator.
enum ScalarExecutor {
    static func execute(_ code: UnsafeBufferPointer<Instruction>, _ f: UnsafeMutablePointer<Double>,
                        _ c: inout ExpressionContext) {
        c.loopBudget = c.loopIterationLimit
        var pc = 0
        let n = code.count
        while pc < n {
            let i = code[pc]
            pc += 1
            let d = Int(i.d), a = Int(i.a), b = Int(i.b)
            switch i.op {
            case .add: f[d] = f[a] + f[b]
            case .sub: f[d] = f[a] - f[b]
            case .mul: f[d] = f[a] * f[b]
            case .div: f[d] = ScalarMath.div(f[a], f[b])
            case .mod: f[d] = ScalarMath.mod(f[a], f[b])
            case .pow: f[d] = ScalarMath.pow(f[a], f[b])
            case .bitOr: f[d] = ScalarMath.bitOr(f[a], f[b])
            case .bitAnd: f[d] = ScalarMath.bitAnd(f[a], f[b])
            case .equal: f[d] = ScalarMath.equal(f[a], f[b])
            case .notEqual: f[d] = ScalarMath.notEqual(f[a], f[b])
            case .below: f[d] = f[a] < f[b] ? 1 : 0
            case .above: f[d] = f[a] > f[b] ? 1 : 0
            case .belowEq: f[d] = f[a] <= f[b] ? 1 : 0
            case .aboveEq: f[d] = f[a] >= f[b] ? 1 : 0
            case .band: f[d] = ScalarMath.band(f[a], f[b])
            case .bor: f[d] = ScalarMath.bor(f[a], f[b])
            case .atan2: f[d] = Glibc.atan2(f[a], f[b])
            case .min: f[d] = ScalarMath.min(f[a], f[b])
            case .max: f[d] = ScalarMath.max(f[a], f[b])
            case .sigmoid: f[d] = ScalarMath.sigmoid(f[a], f[b])
            case .land: f[d] = ScalarMath.truth(f[a]) && ScalarMath.truth(f[b]) ? 1 : 0
            case .lor: f[d] = ScalarMath.truth(f[a]) || ScalarMath.truth(f[b]) ? 1 : 0
            case .mov: f[d] = f[a]
            case .neg: f[d] = -f[a]
            case .not: f[d] = ScalarMath.not(f[a])
            case .sin: f[d] = Glibc.sin(f[a])
            case .cos: f[d] = Glibc.cos(f[a])
            case .tan: f[d] = Glibc.tan(f[a])
            case .asin: f[d] = ScalarMath.asin(f[a])
            case .acos: f[d] = ScalarMath.acos(f[a])
            case .atan: f[d] = Glibc.atan(f[a])
            case .sqr: f[d] = f[a] * f[a]
            case .sqrt: f[d] = ScalarMath.sqrt(f[a])
            case .exp: f[d] = Glibc.exp(f[a])
            case .log: f[d] = ScalarMath.log(f[a])
            case .log10: f[d] = ScalarMath.log10(f[a])
            case .abs: f[d] = Swift.abs(f[a])
            case .sign: f[d] = ScalarMath.sign(f[a])
            case .floor: f[d] = Glibc.floor(f[a])
            case .ceil: f[d] = Glibc.ceil(f[a])
            case .invsqrt: f[d] = ScalarMath.invsqrt(f[a])
            case .truth: f[d] = ScalarMath.truth(f[a]) ? 1 : 0
            case .select: f[d] = f[a] != 0 ? f[b] : f[Int(i.c)]
            case .rand: f[d] = c.shared.random.rand(f[a])
            case .memRead: f[d] = c.megabuf.read(ScalarMath.memoryIndex(f[a]))
            case .gmemRead: f[d] = c.shared.gmegabuf.read(ScalarMath.memoryIndex(f[a]))
            case .memReadOr:
                let index = ScalarMath.memoryIndex(f[a])
                f[d] = index >= 0 && Int(index) < MemoryBuffer.capacity ? c.megabuf.read(index) : f[b]
            case .gmemReadOr:
                let index = ScalarMath.memoryIndex(f[a])
                f[d] = index >= 0 && Int(index) < MemoryBuffer.capacity ? c.shared.gmegabuf.read(index) : f[b]
            case .memWrite: c.megabuf.write(ScalarMath.memoryIndex(f[a]), f[b])
            case .gmemWrite: c.shared.gmegabuf.write(ScalarMath.memoryIndex(f[a]), f[b])
            case .memset: c.megabuf.set(dest: f[a], value: f[b], count: f[Int(i.c)])
            case .memcpy: c.megabuf.copy(dest: f[a], source: f[b], count: f[Int(i.c)])
            case .jump: pc = d
            case .jumpIfZero: if f[a] == 0 { pc = d }
            case .jumpIfFalse: if !ScalarMath.truth(f[a]) { pc = d }
            case .jumpIfTrue: if ScalarMath.truth(f[a]) { pc = d }
            case .loopInit:
                var count = ScalarMath.toInt64(f[a])
                if count > ScalarMath.maxLoopCount { count = ScalarMath.maxLoopCount }
                f[d] = count < 0 ? 0 : Double(count)
            case .loopNext:
                if f[a] <= 0 || c.loopBudget <= 0 { pc = d } else { f[a] -= 1; c.loopBudget -= 1 }
            case .whileNext:
                f[a] -= 1
                c.loopBudget -= 1
                if ScalarMath.truth(f[b]) && f[a] > 0 && c.loopBudget > 0 { pc = d }
            }
        }
    }
}
