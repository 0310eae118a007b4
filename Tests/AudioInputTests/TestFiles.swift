import Foundation

/// A scratch directory unique to one test, removed by the caller with `cleanUp()`.
struct ScratchDirectory {
    let path: String
    init(_ label: String) throws {
        path = NSTemporaryDirectory() + "aivj-audio-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func file(_ name: String) -> String { path + "/" + name }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}
