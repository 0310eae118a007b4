import AudioAnalysis
import Coupling
import Foundation
@testable import LiveShow
import Testing

/// `aivj bench show --audio`: the show hears the music the reference hears, so the focus follows it.
struct ShowBenchmarkTests {
    @Test func silenceFeedsNothingAndTheSynthSignalIsAnalysedMusic() throws {
        #expect(try ShowBenchmark.audioFeed("silence") == nil)
        let feed = try #require(try ShowBenchmark.audioFeed("synth"))
        let frames = (0..<120).map { _ in feed.next() }
        #expect(frames.map(\.frame) == Array(0..<120))
        // Loud music: the intensity the focus follows rises well above silence's.
        #expect((frames.map(\.intensity01).max() ?? 0) > 0.3)
        #expect(frames.allSatisfy { !$0.inputFallback })
    }

    @Test func aMissingAudioFileIsOneErrorNamingIt() {
        let path = "/nonexistent/aivj-bench-test.wav"
        do {
            _ = try ShowBenchmark.run(fg: "a.milk", bg: "b.milk", width: 64, height: 36, frames: 1,
                                      coupling: CouplingParameters(), profile: false, audio: path)
            Issue.record("a missing audio file was accepted")
        } catch let error as LiveShowError {
            guard case let .badSetting(name, value, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(name == "--audio")
            #expect(value == path)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
