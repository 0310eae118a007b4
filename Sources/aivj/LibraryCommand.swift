import ArgumentParser
import Foundation
import MilkPreset

/// `aivj library …`: preset libraries on disk.
struct LibraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Index folders of MilkDrop presets.",
        subcommands: [Index.self]
    )

    /// `aivj library index DIR --out library-manifest.json`.
    struct Index: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a manifest of every .milk file under a folder (format: docs/formats.md).")

        @Argument(help: "The preset folder.") var directory: String
        @Option(help: "Where to write the manifest.") var out = "library-manifest.json"

        func run() async throws {
            let manifest = try LibraryIndexer.index(URL(fileURLWithPath: directory))
            try LibraryIndexer.json(manifest).write(to: URL(fileURLWithPath: out), options: .atomic)
            print("{\"presets\":\(manifest.presetCount),\"failed\":\(manifest.failedCount),\"out\":\"\(out)\"}")
        }
    }
}
