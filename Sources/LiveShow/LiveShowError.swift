import Coupling
import GraphicsCore
import MilkRenderer
import Selection

/// What can go wrong while building, running or recording a show.
public enum LiveShowError: Error, CustomStringConvertible {
    /// The pack has no pair that can be played.
    case noUsablePairs(pack: String, problems: [String])
    /// A GL object or call failed (layer, compositor or readback).
    case graphics(String)
    /// A setting is out of range; `reason` says what is allowed.
    case badSetting(name: String, value: String, reason: String)
    /// A file or folder could not be read or written.
    case io(path: String, message: String)
    /// `--resume` found a recording made with other settings.
    case resumeMismatch(path: String, field: String)
    /// The output folder already holds a recording and `--resume` was not given.
    case recordingExists(path: String)

    public var description: String {
        switch self {
        case let .noUsablePairs(pack, problems):
            return "\(pack): no usable pair" + (problems.isEmpty ? "" : " (\(problems.prefix(3).joined(separator: "; ")))")
        case let .graphics(message):
            return "show: \(message)"
        case let .badSetting(name, value, reason):
            return "show: bad \(name) '\(value)': \(reason)"
        case let .io(path, message):
            return "\(path): \(message)"
        case let .resumeMismatch(path, field):
            return "\(path): cannot resume, the recording was made with another \(field)"
        case let .recordingExists(path):
            return "\(path): already holds a recording; pass --resume to complete it or choose another --out"
        }
    }
}

/// Runs `body`, turning the lower modules' GL errors into `LiveShowError.graphics`.
func wrapGraphics<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GraphicsCoreError {
        throw LiveShowError.graphics(error.description)
    } catch let error as MilkRendererError {
        throw LiveShowError.graphics(error.description)
    } catch let error as CouplingError {
        throw LiveShowError.graphics(error.description)
    }
}
