import Foundation

/// Paths the shader tests read.
enum Fixtures {
    /// The Debian projectM preset folder, when installed.
    static let corpus = URL(fileURLWithPath: "/usr/share/projectM/presets")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
}
