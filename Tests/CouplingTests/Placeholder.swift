import Testing

@Test func placeholderCoupling() { #expect(Bool(true)) }
