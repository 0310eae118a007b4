import Foundation
import Testing
@testable import MilkPreset

@Suite struct LibraryIndexerTests {
    static let folder = Fixtures.url("library")

    @Test func indexingAnUnchangedFolderTwiceWritesIdenticalBytes() throws {
        let first = try LibraryIndexer.json(LibraryIndexer.index(Self.folder))
        let second = try LibraryIndexer.json(LibraryIndexer.index(Self.folder))
        #expect(first == second)
        #expect(!String(decoding: first, as: UTF8.self).contains("generated"))
    }

    @Test func entriesCarryPathsNamesIdsAndValues() throws {
        let manifest = try LibraryIndexer.index(Self.folder)
        #expect(manifest.formatVersion == 1 && manifest.format == "aivj-library-manifest")
        #expect(manifest.presets.map(\.path) == ["Alice - First Light.milk", "sub/Untitled.milk"])
        #expect(manifest.failures == [LibraryFailure(path: "sub/broken.milk", reason: "sub/broken.milk: file is empty")])
        #expect(manifest.presetCount == 2 && manifest.failedCount == 1)
        let alice = manifest.presets[0]
        #expect(alice.author == "Alice" && alice.title == "First Light" && alice.name == "Alice - First Light")
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent("Alice - First Light.milk"))
        #expect(alice.id == FNV1a64.hex(of: bytes) && alice.bytes == bytes.count)
        #expect(alice.milkdropVersion == 201 && alice.hasWarpShader && !alice.hasCompShader)
        #expect(alice.values["zoom"] == 1.1 && alice.values["fDecay"] == 0.98)
        let untitled = manifest.presets[1]
        #expect(untitled.author == nil && untitled.title == nil && untitled.milkdropVersion == 100)
    }

    @Test func texturesAreListedWithWhetherTheyAreBesideThePreset() throws {
        let alice = try LibraryIndexer.index(Self.folder).presets[0]
        #expect(alice.textures == [
            LibraryTexture(sampler: "sampler_clouds", name: "clouds", randomSlot: nil, found: true, file: "clouds.JPG"),
            LibraryTexture(sampler: "sampler_pc_gone", name: "gone", randomSlot: nil, found: false, file: nil),
        ])
    }

    @Test func theManifestDecodesBackToTheSameValue() throws {
        let manifest = try LibraryIndexer.index(Self.folder)
        let decoded = try JSONDecoder().decode(LibraryManifest.self, from: LibraryIndexer.json(manifest))
        #expect(decoded == manifest)
    }

    @Test(arguments: [
        ("Geiss - Cruzin'", "Geiss", "Cruzin'"), ("A & B - C - D", "A & B", "C - D"), ("BrainStain-Blackwidow", nil, nil),
        (" - Title", nil, nil),
    ])
    func authorAndTitleComeFromTheFileName(name: String, author: String?, title: String?) {
        let (a, t) = LibraryIndexer.authorAndTitle(name)
        #expect(a == author && t == title)
    }
}
