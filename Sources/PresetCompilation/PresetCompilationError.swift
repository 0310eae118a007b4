import Foundation

/// Errors of preset-level tools (checking, benchmarking).
public enum PresetCompilationError: Error, Sendable, CustomStringConvertible {
    /// A folder holds no presets usable for the task.
    case noPresets(String)

    public var description: String {
        switch self {
        case .noPresets(let p): return "\(p): no .milk presets with the code this needs"
        }
    }
}
