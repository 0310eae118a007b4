/// The syntax tree of a MilkDrop HLSL shader, before types are checked.
indirect enum Expression: Sendable {
    case intLiteral(String, line: Int)
    case floatLiteral(String, line: Int)
    case boolLiteral(Bool, line: Int)
    case name(String, line: Int)
    case unary(String, Expression, line: Int)
    /// `x++` / `x--`.
    case postfix(String, Expression, line: Int)
    case binary(String, Expression, Expression, line: Int)
    /// `=`, `+=` and the other compound assignments.
    case assign(String, Expression, Expression, line: Int)
    case conditional(Expression, Expression, Expression, line: Int)
    /// A call of a function, intrinsic or type constructor (`float3(…)`).
    case call(String, [Expression], line: Int)
    /// `(float3)x`.
    case cast(ShaderType, Expression, line: Int)
    case member(Expression, String, line: Int)
    case index(Expression, Expression, line: Int)
    /// `{ a, b, c }` in an initializer.
    case list([Expression], line: Int)
    case comma(Expression, Expression, line: Int)

    var line: Int {
        switch self {
        case let .intLiteral(_, l), let .floatLiteral(_, l), let .boolLiteral(_, l), let .name(_, l), let .unary(_, _, l),
             let .postfix(_, _, l), let .binary(_, _, _, l), let .assign(_, _, _, l), let .conditional(_, _, _, l),
             let .call(_, _, l), let .cast(_, _, l), let .member(_, _, l), let .index(_, _, l), let .list(_, l),
             let .comma(_, _, l):
            l
        }
    }
}

/// One declared variable: `float3 a[2] = …`.
struct VariableDeclaration: Sendable {
    var type: ShaderType
    var name: String
    var initializer: Expression?
    var isConst: Bool
    var line: Int
}

indirect enum Statement: Sendable {
    case block([Statement])
    case declarations([VariableDeclaration])
    case expression(Expression)
    case ifElse(Expression, Statement, Statement?)
    case forLoop(Statement?, Expression?, Expression?, Statement)
    case whileLoop(Expression, Statement)
    case doWhile(Statement, Expression)
    case returnValue(Expression?, line: Int)
    case breakLoop
    case continueLoop
    case discard
    case empty
}

struct Parameter: Sendable {
    var type: ShaderType
    var name: String
    /// `out` or `inout`.
    var isOutput: Bool
}

struct FunctionDefinition: Sendable {
    var returnType: ShaderType
    var name: String
    var parameters: [Parameter]
    var body: [Statement]
    var line: Int
}

/// A top-level item of a shader text.
enum TopLevel: Sendable {
    case variables([VariableDeclaration])
    case function(FunctionDefinition)
    /// `shader_body { … }`.
    case shaderBody([Statement])
}
