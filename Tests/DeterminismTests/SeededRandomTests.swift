import Determinism
import Testing

struct SeededRandomTests {
    @Test func theSameSeedGivesTheSameSequence() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        #expect((0..<8).map { _ in a.next() } == (0..<8).map { _ in b.next() })
    }

    @Test func matchesSplitMix64sPublishedFirstOutputForSeedZero() {
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    }

    @Test func floatsStayInTheirRanges() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<1000 {
            let unit = random.unitFloat()
            let bipolar = random.bipolar()
            #expect(unit >= 0 && unit < 1)
            #expect(bipolar >= -1 && bipolar <= 1)
        }
    }
}
