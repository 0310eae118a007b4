import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Testing

@Suite(.serialized)
struct PlayerPreparerTests {
    @Test func aPresetThatCannotBeLoadedPlaysAsAPlainLayerWithOneLine() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "x.milk: unreadable" } }
        let preparer = PlayerPreparer(compiler: nil) { _ in throw Broken() }
        preparer.request(2)
        preparer.finish()
        let ready = try #require(preparer.take())
        #expect(ready.driver is StaticDriver)
        #expect(ready.warnings == ["preset 2: x.milk: unreadable"])
    }
}

// With the compile worker's tests, whose helpers it uses.
extension ShaderCompileWorkerTests {
    @Test func anMD2PresetComesWithItsProgramsCompiledOnTheSharedContext() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let worker = ShaderCompileWorker(context: try context.makeShared(), width: 64, height: 36, meshColumns: 8, meshRows: 6)
        let url = Golden.presets.appendingPathComponent("md2-blur.milk")
        let preparer = PlayerPreparer(compiler: worker) { _ in layerDriver(for: try Preset(contentsOf: url), seed: 1) }
        preparer.request(4)
        preparer.finish()
        let ready = try #require(preparer.take())
        #expect(ready.index == 4)
        #expect(ready.warnings.isEmpty)
        let compiled = try #require(ready.compiled)
        #expect(compiled.diagnostics.isEmpty)
        #expect(preparer.take() == nil)
        // The render thread's layer adopts them and compiles nothing itself.
        let (_, made) = try Self.render(try Preset(contentsOf: url), compiled: compiled)
        #expect(made == 0)
    }
}
