import Foundation
import Testing
@testable import MilkRenderer

/// Resolving `sampler_NAME` to image files as MilkDrop does, over a fixture folder of tiny images.
struct UserTextureLibraryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/MilkRenderer/textures").standardized.path
    static let preset = root + "/presets/beside.milk"
    static let shared = root + "/shared"

    func library(folders: [String] = [shared], seed: UInt64 = 1) -> UserTextureLibrary {
        UserTextureLibrary(presetPath: Self.preset, folders: folders, seed: seed)
    }

    @Test func nameMatchesCaseInsensitivelyBesideThePreset() {
        let texture = library().image(forSampler: "sampler_clouds")
        #expect(texture.path == Self.root + "/presets/Clouds.PNG")
        #expect(texture.image.pixel(x: 0, y: 0) == [10, 20, 30, 255])
        #expect(texture.warning == nil && !texture.isNeutral)
    }

    @Test func filterAndWrapPrefixesAreStrippedAndReported() {
        let clamped = library().image(forSampler: "sampler_fc_clouds")
        #expect(clamped.path == Self.root + "/presets/Clouds.PNG")
        #expect(clamped.bilinear && !clamped.wrap)
        let nearest = library().image(forSampler: "sampler_WP_clouds")
        #expect(nearest.path == clamped.path && !nearest.bilinear && nearest.wrap)
        let plain = library().image(forSampler: "sampler_clouds")
        #expect(plain.bilinear && plain.wrap)
    }

    @Test func thePresetFolderComesBeforeTheTextureFolders() {
        #expect(library().image(forSampler: "sampler_override").path == Self.root + "/presets/override.png")
    }

    @Test func textureFoldersAreSearched() {
        let texture = library().image(forSampler: "sampler_pw_only_shared")
        #expect(texture.path == Self.shared + "/only_shared.tga")
        #expect(texture.image.width == 3 && texture.image.height == 1)
    }

    @Test func aNameFoundNowhereElseIsLookedForInTheLibrarysOtherFolders() throws {
        // No texture folders configured: `shared`, beside the preset's folder, is the library's other pack.
        let texture = library(folders: []).image(forSampler: "sampler_only_shared")
        #expect(texture.path == Self.shared + "/only_shared.tga")
        #expect(texture.warning == nil)
        // The preset's own folder still wins over a sibling's file of the same name.
        #expect(library(folders: []).image(forSampler: "sampler_override").path == Self.root + "/presets/override.png")
        // Random picks stay within the configured folders (here the preset's).
        let pick = try #require(library(folders: []).image(forSampler: "sampler_rand00_smalltiled").warning)
        #expect(pick.contains("rand00"))
    }

    @Test func missingTextureIsNeutralWithOneWarningNamingPresetAndTexture() throws {
        let texture = library().image(forSampler: "sampler_nosuch")
        #expect(texture.isNeutral && texture.image == UserTextureLibrary.neutralImage)
        let warning = try #require(texture.warning)
        #expect(warning.contains("beside.milk") && warning.contains("nosuch") && !warning.contains("\n"))
    }

    @Test func undecodableTextureIsNeutralWithAWarning() throws {
        let texture = library().image(forSampler: "sampler_broken")
        #expect(texture.isNeutral)
        #expect(try #require(texture.warning).contains("could not be decoded"))
    }

    @Test func randomPickHonoursThePrefixAndIsStableForASeed() throws {
        let first = library(seed: 7).image(forSampler: "sampler_rand03_smalltiled")
        let path = try #require(first.path)
        #expect(URL(fileURLWithPath: path).lastPathComponent.lowercased().hasPrefix("smalltiled_"))
        #expect(library(seed: 7).image(forSampler: "sampler_rand03_smalltiled").path == path)
        #expect(library(seed: 7).image(forSampler: "sampler_fw_rand03_smalltiled").path == path, "same NN, same file")
    }

    @Test func randomPicksVaryWithTheSeed() {
        let picks = Set((0..<24).compactMap { library(seed: UInt64($0)).image(forSampler: "sampler_rand00").path })
        #expect(picks.count > 2)
        #expect(picks.allSatisfy { $0.hasPrefix(Self.shared + "/") })
    }

    @Test func randomPickWithoutFoldersUsesThePresetFolder() throws {
        let path = try #require(library(folders: []).image(forSampler: "sampler_rand15").path)
        #expect(path.hasPrefix(Self.root + "/presets/"))
    }

    @Test func randomPickWithNoMatchingPrefixIsNeutral() throws {
        let texture = library().image(forSampler: "sampler_rand01_zebra")
        #expect(texture.isNeutral)
        #expect(try #require(texture.warning).contains("rand01 with prefix 'zebra'"))
    }

    @Test func builtInSamplersAreNotUserTextures() {
        #expect(library().image(forSampler: "sampler_main").isNeutral)
    }

    @Test func searchPathSplitsOnColons() {
        #expect(UserTextureLibrary.folders(fromSearchPath: "/a::/b/c:") == ["/a", "/b/c"])
        #expect(UserTextureLibrary.folders(fromSearchPath: nil).isEmpty)
    }
}
