import Testing
@testable import MilkPreset

@Suite struct FNV1a64Tests {
    /// Published FNV-1a 64-bit test vectors.
    @Test(arguments: [("", "cbf29ce484222325"), ("a", "af63dc4c8601ec8c"), ("foobar", "85944171f73967e8")])
    func matchesPublishedVectors(text: String, hex: String) {
        #expect(FNV1a64.hex(of: Array(text.utf8)) == hex)
    }

    @Test func incrementalUpdatesEqualOneShot() {
        var hasher = FNV1a64()
        hasher.update(Array("foo".utf8))
        hasher.update(Array("bar".utf8))
        #expect(hasher.value == FNV1a64.hash(Array("foobar".utf8)))
    }
}
