import Testing

@Test func placeholderLibraryScan() { #expect(Bool(true)) }
