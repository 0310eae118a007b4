import AudioAnalysis
import LiveShow
import Testing

struct WallClockAudioTests {
    /// A source whose block i reports frame i, with a beat on every third block.
    final class Counter {
        var blocks = 0
        func next() -> FrameAudio {
            var audio = FrameAudio.silent(frame: blocks, fps: 60)
            if blocks % 3 == 0 { audio.beats = [Double(blocks) / 60] }
            blocks += 1
            return audio
        }
    }

    @Test func slowFramesAnalyseEveryBlockDueAndKeepTheirBeats() {
        let counter = Counter()
        let clock = WallClockAudio(fps: 60, next: counter.next)
        #expect(clock.audio(at: 0).frame == 0)
        // A frame 0.1 s later: blocks 1…6 are analysed, the newest returned with the beats of 3 and 6.
        let late = clock.audio(at: 0.1)
        #expect(late.frame == 6)
        #expect(late.beats == [3.0 / 60, 6.0 / 60])
        #expect(counter.blocks == 7)
    }

    @Test func fastFramesRepeatTheLastBlockWithoutItsBeats() {
        let counter = Counter()
        let clock = WallClockAudio(fps: 60, next: counter.next)
        #expect(clock.audio(at: 0).beats.count == 1)
        let again = clock.audio(at: 0.005)
        #expect(again.frame == 0)
        #expect(again.beats.isEmpty)
        #expect(counter.blocks == 1)
        #expect(clock.audio(at: 1.0 / 60).frame == 1)
    }
}
