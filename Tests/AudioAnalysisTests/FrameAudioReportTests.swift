import Foundation
import Testing
@testable import AudioAnalysis

@Suite struct FrameAudioReportTests {
    @Test func jsonRecordUsesPresetNamesAndOmitsArraysUnlessFull() throws {
        let frames = try analyse(seconds: 0.1) { t in Float(0.3 * sin(2 * Double.pi * 440 * t)) }
        let f = try #require(frames.last)
        let json = String(decoding: try JSONEncoder().encode(FrameAudioRecord(f)), as: UTF8.self)
        for key in ["\"bass\"", "\"mid_att\"", "\"vol_att\"", "\"energy01\"", "\"beat_pulse01\"", "\"intensity01\"", "\"bpm\"", "\"beats\""] {
            #expect(json.contains(key))
        }
        #expect(!json.contains("waveform_left"))
        let full = try JSONEncoder().encode(FrameAudioRecord(f, full: true))
        let decoded = try JSONDecoder().decode(FrameAudioRecord.self, from: full)
        #expect(decoded.waveform_left?.count == 576 && decoded.spectrum_right?.count == 512)
        #expect(decoded.bass == f.bass)
    }

    @Test func meterLineShowsLevelsAndTempo() throws {
        var f = try #require(try analyse(seconds: 0.05) { _ in 0 }.last)
        f.levels = BandLevels(bass: 2, mid: 1, treb: 0, bassAtt: 1, midAtt: 1, trebAtt: 1)
        f.bpm = 128
        f.tempoLocked = true
        let line = f.meterLine(width: 4)
        #expect(line.hasPrefix("bass #### mid ##.. treb ...."))
        #expect(line.contains("128.0 BPM*"))
    }
}
