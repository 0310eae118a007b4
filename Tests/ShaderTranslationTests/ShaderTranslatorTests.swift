import Testing
@testable import ShaderTranslation

/// Each HLSL construct's GLSL, and the errors bad shaders give.
struct ShaderTranslatorTests {
    /// Every construct case: the general ones and the Direct3D 9 maths ones.
    static let cases = ConstructCase.all + DX9MathsTests.cases

    @Test(arguments: cases)
    func constructTranslates(_ c: ConstructCase) throws {
        let glsl = try ShaderTranslator.translate(c.text, stage: c.stage).fragmentShader
        for expected in c.expected {
            #expect(glsl.contains(expected), "\(c.name): missing \(expected) in\n\(glsl)")
        }
    }

    @Test(.enabled(if: Glslang.isInstalled, "needs glslangValidator (glslang-tools)"))
    func everyConstructIsValidGLSL330() throws {
        let sources = try Self.cases.map { try ShaderTranslator.translate($0.text, stage: $0.stage).fragmentShader }
        let failures = try Glslang.failures(sources)
        #expect(failures.isEmpty, "\(failures.map { "\(Self.cases[$0.key].name): \($0.value)" })")
    }

    @Test func backtickLinesFromAPresetTranslate() throws {
        let text = "`shader_body\n`{\n`  ret = tex2D(sampler_main, uv).xyz; // comment\n`}"
        let shader = try ShaderTranslator.translate(text, stage: .warp)
        #expect(shader.body == "    ret = texture(sampler_main, uv).xyz;")
        #expect(shader.samplers == [ShaderSampler(name: "sampler_main", glslName: "sampler_main", isVolume: false)])
    }

    @Test func usedUniformsAreListed() throws {
        let shader = try ShaderTranslator.translate("shader_body { ret = bass_att * time + rot_rand2[0].xyz; }", stage: .comp)
        #expect(shader.uniforms == ["bass_att", "rot_rand2", "time"])
        #expect(shader.writtenUniforms.isEmpty)
    }

    @Test func prefixedBuiltInSamplersAreDeclared() throws {
        let shader = try ShaderTranslator.translate(
            "shader_body { ret = tex2D(sampler_pw_noise_lq, uv).xyz + tex2D(sampler_FC_main, uv).xyz; }", stage: .comp)
        #expect(shader.samplers.map(\.name) == ["sampler_fc_main", "sampler_pw_noise_lq"])
    }

    @Test func undeclaredNameIsAnErrorWithItsLine() {
        #expect(throws: ShaderTranslationError.undeclared(line: 3, name: "nothing")) {
            try ShaderTranslator.translate("shader_body {\n ret = 0;\n ret = nothing;\n}", stage: .comp)
        }
    }

    @Test func missingShaderBodyIsAnError() {
        #expect(throws: ShaderTranslationError.missingShaderBody) {
            try ShaderTranslator.translate("float x = 1;", stage: .warp)
        }
    }

    @Test func syntaxErrorNamesTheLine() {
        #expect(throws: ShaderTranslationError.syntax(line: 2, message: "expected ';' but found '}'")) {
            try ShaderTranslator.translate("shader_body {\n ret = 1 }", stage: .warp)
        }
    }

    @Test func growingAVectorIsATypeError() {
        #expect(throws: ShaderTranslationError.type(line: 1, message: "cannot convert float2 to float3")) {
            try ShaderTranslator.translate("shader_body { ret = uv; }", stage: .comp)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = "shader_body { ret = " + String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000) + "; }"
        #expect(throws: ShaderTranslationError.self) { try ShaderTranslator.translate(text, stage: .comp) }
        let blocks = "shader_body " + String(repeating: "{", count: 5000) + String(repeating: "}", count: 5000)
        #expect(throws: ShaderTranslationError.self) { try ShaderTranslator.translate(blocks, stage: .comp) }
    }

    @Test func errorsDescribeThemselvesOnOneLine() {
        let error = ShaderTranslationError.undeclared(line: 4, name: "foo")
        #expect(error.description == "shader line 4: undeclared name 'foo'")
    }
}
