import Testing

@Test func placeholderLiveShow() { #expect(Bool(true)) }
