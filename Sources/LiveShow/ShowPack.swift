import Foundation
import Selection

/// Where the show's pairs come from.
public enum ShowPack {
    /// The pack shipped in the repository (written by the pairs work), used when no `--pack` is given.
    public static let defaultDirectory = "presets/pack"

    /// Until the shipped pack exists, the fixture pack of the project's own presets (run from the repository).
    public static let fixtureDirectory = "Tests/Fixtures/LiveShow/pack"

    /// The pack to play when none is named: the shipped one, else the fixture pack, else the shipped path
    /// (whose absence then gives the error).
    public static func defaultPack(fileManager: FileManager = .default) -> String {
        for directory in [defaultDirectory, fixtureDirectory]
        where fileManager.fileExists(atPath: directory + "/" + PairsManifest.fileName) {
            return directory
        }
        return defaultDirectory
    }

    /// Loads the pack in `directory` (presets parsed, as `aivj pairs check` does); throws when no pair is usable.
    /// The returned problems are the items that were skipped, one line each, for a warning.
    public static func load(_ directory: String, libraryRoot: String? = nil) throws -> (pairs: [Pair], problems: [String]) {
        let pack = PackLoader(libraryRoot: libraryRoot).load(directory)
        let problems = pack.problems.map(\.description)
        guard pack.pairs.contains(where: \.isUsable) else {
            throw LiveShowError.noUsablePairs(pack: directory, problems: problems)
        }
        return (pack.pairs, problems)
    }
}
