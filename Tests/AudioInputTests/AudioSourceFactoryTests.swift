import Testing
@testable import AudioInput

@Suite struct AudioSourceFactoryTests {
    @Test func buildsEachKind() throws {
        #expect(try AudioSourceFactory.make(audio: "silence").name == "silence")
        #expect(try AudioSourceFactory.make(audio: "synth").name == "synth")
        let seeded = try AudioSourceFactory.make(audio: "synth:7")
        #expect(try seeded.block(forFrame: 3, fps: 60) == (try SyntheticAudioSource(seed: 7).block(forFrame: 3, fps: 60)))
        #expect(throws: AudioInputError.self) { try AudioSourceFactory.make(audio: "synth:x") }
        #expect(throws: AudioInputError.self) { try AudioSourceFactory.make(audio: "/no/such/file.wav") }
    }
}
