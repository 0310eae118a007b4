// libFuzzer entry point for the HLSL → GLSL translator (built by Scripts/fuzz-shader.sh, not part of the package).
// Any input must translate or throw a ShaderTranslationError, as a warp and as a comp shader, without crashing or
// hanging; a translation must survive the shader cache's JSON round trip unchanged.
import Foundation
import ShaderTranslation

@_cdecl("LLVMFuzzerTestOneInput")
public func shaderFuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    for stage in ShaderStage.allCases {
        guard let shader = try? ShaderTranslator.translate(text, stage: stage) else { continue }
        guard !shader.fragmentShader.isEmpty,
              let data = try? JSONEncoder().encode(shader),
              let decoded = try? JSONDecoder().decode(TranslatedShader.self, from: data), decoded == shader else {
            FileHandle.standardError.write(Data("translation does not round-trip through JSON\n".utf8))
            abort()
        }
    }
    return 0
}
