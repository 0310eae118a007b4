import Dispatch
import Foundation
import GraphicsCore
import MilkPreset
@testable import MilkRenderer
import Testing

@Suite(.serialized)
struct ShaderCompileWorkerTests {
    /// Renders `frames` frames of `preset` in a fresh layer (64×36 unless given; adopting `compiled` first when
    /// given); returns the last picture and the warp and comp programs the layer drew with. (Not a count of the
    /// programs made meanwhile: GL tests of other suites make and free programs at the same time.)
    static func render(_ preset: Preset, compiled: CompiledShaders?, frames: Int = 4, width: Int = 64, height: Int = 36,
                       mesh: (Int, Int) = (8, 6)) throws -> ([UInt8], [ShaderStageProgram?]) {
        let layer = try MilkLayer(width: width, height: height, meshColumns: mesh.0, meshRows: mesh.1)
        if let compiled { try layer.adopt(compiled) }
        var driver = layerDriver(for: preset, seed: 1)
        for frame in 0..<frames {
            let inputs = LayerFrameInputs(frame: frame, fps: 30)
            let (parameters, field) = driver.frame(inputs, mesh: layer.mesh)
            try layer.render(parameters, inputs: inputs, warpField: field)
        }
        return (try layer.readOutput(), [layer.shaderResources?.warpProgram, layer.shaderResources?.compProgram])
    }

    @Test func programsCompiledOnAWorkerContextDrawTheSameAndTheLayerCompilesNothing() throws {
        try Self.compileOnWorkerThenCompare("md2-blur.milk", width: 64, height: 36, mesh: (8, 6))
    }

    /// Regression: the worker compiles on a warm-up layer of at most 256 pixels a side, and a program kept the
    /// size-dependent uniforms (`texsize_main`, the per-pixel warp's grid) of that layer, so a larger layer that
    /// adopted it drew a wrongly scaled warp.
    @Test func programsCompiledOnTheSmallWarmUpLayerDrawRightInALargerLayer() throws {
        try Self.compileOnWorkerThenCompare("md2-warp-shader.milk", width: 320, height: 180, mesh: (48, 36))
    }

    static func compileOnWorkerThenCompare(_ file: String, width: Int, height: Int, mesh: (Int, Int)) throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let worker = ShaderCompileWorker(context: try context.makeShared(), width: width, height: height,
                                         meshColumns: mesh.0, meshRows: mesh.1)
        let preset = try Preset(contentsOf: Golden.presets.appendingPathComponent(file))
        let shaders = try #require(PresetShaders(preset: preset, seed: 1).hasShaders ? (layerDriver(for: preset, seed: 1) as? PresetDriver)?.shaderSlots?.shaders : nil)
        nonisolated(unsafe) var compiled: CompiledShaders?
        nonisolated(unsafe) var failure: (any Error)?
        let done = DispatchSemaphore(value: 0)
        let renderThread = pthread_self()
        nonisolated(unsafe) var workerThread = pthread_self()
        Thread {
            workerThread = pthread_self()
            do { compiled = try worker.compile(shaders) } catch { failure = error }
            worker.close()
            done.signal()
        }.start()
        done.wait()
        #expect(failure == nil)
        #expect(pthread_equal(workerThread, renderThread) == 0)
        let handedOver = try #require(compiled)
        #expect(handedOver.diagnostics.isEmpty)
        let (adopted, drawn) = try Self.render(preset, compiled: handedOver, width: width, height: height, mesh: mesh)
        let (own, drawnHere) = try Self.render(preset, compiled: nil, width: width, height: height, mesh: mesh)
        #expect(Self.drewTheAdoptedPrograms(drawn, handedOver))
        #expect(drawnHere.contains { $0 != nil })
        #expect(!Self.drewTheAdoptedPrograms(drawnHere, handedOver))
        let same = adopted == own
        #expect(same)
    }

    /// Whether a layer drew with the programs handed over (so it compiled none of its own).
    static func drewTheAdoptedPrograms(_ drawn: [ShaderStageProgram?], _ compiled: CompiledShaders) -> Bool {
        drawn.count == 2 && drawn[0] === compiled.set.warp && drawn[1] === compiled.set.comp && drawn.contains { $0 != nil }
    }
}
