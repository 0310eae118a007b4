import Foundation

/// Paths of the fixture packs under Tests/Fixtures/Selection.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Selection").path

    static func pack(_ name: String) -> String { root + "/" + name }
}
