import Testing
@testable import Selection

@Suite struct PackRootsTests {
    @Test func normaliseRemovesDotsWithoutLeavingSlash() {
        #expect(PackRoots.normalise("/a/b/../c/./d") == "/a/c/d")
        #expect(PackRoots.normalise("/a/../../../etc/passwd") == "/etc/passwd")
        #expect(PackRoots.normalise("//a//b/") == "/a/b")
    }

    @Test func containsNeedsAFolderBoundary() {
        #expect(PackRoots.contains("/p/pack", "/p/pack/x.milk"))
        #expect(!PackRoots.contains("/p/pack", "/p/pack-other/x.milk"))
        #expect(PackRoots.contains("/p/pack", "/p/pack"))
    }

    @Test func resolveReportsEscapesAndMissingFiles() throws {
        let roots = try #require(PackRoots(pack: Fixtures.pack("escape"), library: nil))
        #expect(roots.resolve("../../etc/passwd") == .escapes)
        #expect(roots.resolve("/etc/passwd") == .escapes)
        #expect(roots.resolve("presets/link-out.milk") == .escapes)
        #expect(roots.resolve("presets/nothing.milk") == .missing)
        guard case let .inside(real) = roots.resolve(roots.pack + "/presets/inside.milk") else {
            Issue.record("absolute path inside the pack was refused")
            return
        }
        #expect(real.hasSuffix("/escape/presets/inside.milk"))
    }
}
