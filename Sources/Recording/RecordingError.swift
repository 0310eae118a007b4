/// What can go wrong while encoding, decoding or writing recorded frames.
public enum RecordingError: Error, CustomStringConvertible, Equatable {
    /// The pixel buffer does not hold `width × height × 3` bytes.
    case badImageSize(width: Int, height: Int, bytes: Int)
    /// libpng refused to encode or decode; `message` is its own.
    case png(operation: String, message: String)
    /// libwebp refused to encode or decode.
    case webp(operation: String)
    /// A file could not be written or read.
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case let .badImageSize(width, height, bytes):
            return "image \(width)x\(height) needs \(width * height * 3) RGB bytes, got \(bytes)"
        case let .png(operation, message):
            return "PNG \(operation) failed: \(message)"
        case let .webp(operation):
            return "WebP \(operation) failed"
        case let .io(path, message):
            return "\(path): \(message)"
        }
    }
}
