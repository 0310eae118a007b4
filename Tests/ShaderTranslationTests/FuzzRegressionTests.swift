import Testing
@testable import ShaderTranslation

/// Inputs Scripts/fuzz-shader.sh (or its hand-written seeds) found to crash or hang the translator.
struct FuzzRegressionTests {
    @Test func exponentialMacroExpansionIsAnErrorNotAHang() {
        // Each macro uses the previous one twice: M39 would be 2^40 tokens.
        var text = "#define M0 1\n"
        for i in 1..<40 { text += "#define M\(i) (M\(i - 1)+M\(i - 1))\n" }
        text += "shader_body { ret = M39; }"
        #expect(throws: ShaderTranslationError.unsupported(line: 41, message: "macros expand to over 262144 tokens")) {
            try ShaderTranslator.translate(text, stage: .comp)
        }
    }

    @Test func exponentialMacroArgumentsAreAnErrorNotAHang() {
        let text = "#define D(x) x x\nshader_body { ret = " + String(repeating: "D(", count: 40) + "1" + String(repeating: ")", count: 40) + "; }"
        #expect(throws: ShaderTranslationError.self) { try ShaderTranslator.translate(text, stage: .comp) }
    }

    @Test func selfReferentialMacrosStop() throws {
        #expect(throws: ShaderTranslationError.undeclared(line: 3, name: "A")) {
            try ShaderTranslator.translate("#define A B\n#define B A\nshader_body { ret = A; }", stage: .comp)
        }
    }
}
