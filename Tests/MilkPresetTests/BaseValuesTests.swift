import Testing
@testable import MilkPreset

@Suite struct BaseValuesTests {
    @Test func perFrameVariablesCarryTheValuesUnderMilkDropsNames() throws {
        let preset = try Preset(text: "fWaveParam=0.25\nnWaveMode=5\nbTexWrap=0\nfVideoEchoZoom=1.5\nzoom=0.9\n", name: "vars")
        let variables = Dictionary(uniqueKeysWithValues: preset.base.perFrameVariables.map { ($0.name, $0.value) })
        #expect(variables["wave_mystery"] == 0.25)
        #expect(variables["wave_mode"] == 5)
        #expect(variables["wrap"] == 0)
        #expect(variables["echo_zoom"] == 1.5)
        #expect(variables["zoom"] == Double(Float(0.9)))
        #expect(variables["decay"] == Double(Float(0.98)))
        #expect(variables.count == 59)
    }

    @Test func everyBaseKeyIsReadAndWrittenOnce() {
        let keys = BaseValues.fields.map { PresetEntries.lowercased($0.key) }
        #expect(Set(keys).count == keys.count)
        #expect(keys.count == 69)
    }
}
