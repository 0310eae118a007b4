/// An HLSL value type as the translator reasons about it (`half` is `float`, as on the GPUs MilkDrop runs on).
indirect enum ShaderType: Equatable, Hashable, Sendable {
    enum Scalar: Int, Comparable, Sendable {
        case bool = 0, int, float
        static func < (a: Scalar, b: Scalar) -> Bool { a.rawValue < b.rawValue }
    }

    case void
    case scalar(Scalar)
    /// A vector of 2…4 components.
    case vector(Scalar, Int)
    /// An HLSL `floatRxC`: `rows` rows of `columns` components.
    case matrix(rows: Int, columns: Int)
    case sampler2D
    case sampler3D
    case array(ShaderType, Int)

    static let float = ShaderType.scalar(.float)
    static let int = ShaderType.scalar(.int)
    static let bool = ShaderType.scalar(.bool)

    /// A scalar or vector of `count` components (1 is a scalar).
    static func numeric(_ scalar: Scalar, _ count: Int) -> ShaderType { count == 1 ? .scalar(scalar) : .vector(scalar, count) }

    /// The HLSL type named `name` (`float3`, `half2x2`, `int`, `sampler2D` …), if it is one.
    init?(hlslName name: String) {
        let table: [(String, Scalar)] = [("float", .float), ("half", .float), ("double", .float), ("int", .int), ("uint", .int), ("bool", .bool)]
        for (prefix, scalar) in table where name.hasPrefix(prefix) {
            let rest = Array(name.dropFirst(prefix.count))
            if rest.isEmpty { self = .scalar(scalar); return }
            func digit(_ c: Character) -> Int? { c.wholeNumberValue.flatMap { (1...4).contains($0) ? $0 : nil } }
            if rest.count == 1, let n = digit(rest[0]) { self = .numeric(scalar, n); return }
            if rest.count == 3, rest[1] == "x", scalar == .float, let r = digit(rest[0]), let c = digit(rest[2]) {
                self = r == 1 && c == 1 ? .float : .matrix(rows: r, columns: c)
                return
            }
            return nil
        }
        switch name {
        case "sampler", "sampler2D", "texture", "texture2D": self = .sampler2D
        case "sampler3D", "texture3D": self = .sampler3D
        case "void": self = .void
        default: return nil
        }
    }

    var scalar: Scalar? {
        switch self {
        case let .scalar(s), let .vector(s, _): s
        case .matrix: .float
        default: nil
        }
    }

    /// The component count of a scalar (1) or vector; nil for other types.
    var count: Int? {
        switch self {
        case .scalar: 1
        case let .vector(_, n): n
        default: nil
        }
    }

    var isNumeric: Bool { count != nil }

    /// The same shape with another scalar kind.
    func with(_ scalar: Scalar) -> ShaderType {
        switch self {
        case .scalar: .scalar(scalar)
        case let .vector(_, n): .vector(scalar, n)
        default: self
        }
    }

    /// The GLSL spelling; HLSL `floatRxC` is stored transposed, as GLSL `matRxC` (R columns of C rows).
    var glsl: String {
        switch self {
        case .void: "void"
        case .scalar(.float): "float"
        case .scalar(.int): "int"
        case .scalar(.bool): "bool"
        case let .vector(s, n): (s == .float ? "vec" : s == .int ? "ivec" : "bvec") + "\(n)"
        case let .matrix(r, c): r == c ? "mat\(r)" : "mat\(r)x\(c)"
        case .sampler2D: "sampler2D"
        case .sampler3D: "sampler3D"
        case let .array(t, _): t.glsl
        }
    }

    var hlsl: String {
        switch self {
        case .scalar(.float): "float"
        case .scalar(.int): "int"
        case .scalar(.bool): "bool"
        case let .vector(s, n): ShaderType.scalar(s).hlsl + "\(n)"
        case let .matrix(r, c): "float\(r)x\(c)"
        case let .array(t, n): "\(t.hlsl)[\(n)]"
        default: glsl
        }
    }
}
