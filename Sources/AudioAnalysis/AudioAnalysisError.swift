/// Every way the analysis stage can fail; each case names the problem in one line.
public enum AudioAnalysisError: Error, CustomStringConvertible, Equatable {
    /// FFTW refused to allocate or plan a transform of this size.
    case fftSetupFailed(size: Int, reason: String)
    /// A parameter is outside what the analysis supports.
    case invalidParameter(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case let .fftSetupFailed(size, reason):
            return "FFTW: cannot set up a \(size)-point real FFT: \(reason)"
        case let .invalidParameter(name, value, reason):
            return "audio analysis: \(name) = \(value) is invalid: \(reason)"
        }
    }
}
