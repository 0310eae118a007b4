/// Why a MilkDrop 2 shader could not be translated to GLSL.
public enum ShaderTranslationError: Error, Equatable, Codable, CustomStringConvertible {
    /// The text has no `shader_body { … }` block.
    case missingShaderBody
    /// A character or token the lexer or parser does not accept, with its 1-based line.
    case syntax(line: Int, message: String)
    /// A name used but never declared by the preset or MilkDrop's environment.
    case undeclared(line: Int, name: String)
    /// Operand or argument types HLSL would reject, or that the translator cannot express in GLSL.
    case type(line: Int, message: String)
    /// A construct the translator does not handle yet.
    case unsupported(line: Int, message: String)

    public var description: String {
        switch self {
        case .missingShaderBody: "shader: no shader_body block"
        case let .syntax(line, message): "shader line \(line): syntax error: \(message)"
        case let .undeclared(line, name): "shader line \(line): undeclared name '\(name)'"
        case let .type(line, message): "shader line \(line): type error: \(message)"
        case let .unsupported(line, message): "shader line \(line): unsupported: \(message)"
        }
    }
}
