// libFuzzer entry point for the preset reader (built by Scripts/fuzz-preset.sh, not part of the package).
import Foundation
import MilkPreset

@_cdecl("LLVMFuzzerTestOneInput")
public func presetFuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    // Any input must either read or throw; what reads must write back to an equal preset.
    if let preset = try? Preset(data: data, name: "fuzz") {
        if let problem = PresetCheck.roundTripProblem(preset) {
            FileHandle.standardError.write(Data("round trip: \(problem)\n".utf8))
            abort()
        }
    }
    return 0
}
