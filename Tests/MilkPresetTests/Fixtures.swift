import Foundation
@testable import MilkPreset

/// Test fixtures under Tests/Fixtures/MilkPreset, found from this file's path.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/MilkPreset")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func preset(_ name: String) throws -> Preset { try Preset(contentsOf: url(name)) }

    /// The Debian projectM preset folder, when installed.
    static let corpus = URL(fileURLWithPath: "/usr/share/projectM/presets")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.path) }
}
