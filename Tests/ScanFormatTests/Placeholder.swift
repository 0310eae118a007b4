import Testing

@Test func placeholderScanFormat() { #expect(Bool(true)) }
