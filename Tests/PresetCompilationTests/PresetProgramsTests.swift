import MilkExpression
import MilkPreset
import Testing
@testable import PresetCompilation

@Suite struct PresetProgramsTests {
    static func preset() throws -> Preset {
        try Preset(text: """
        [preset00]
        per_frame_init_1=a = 5;
        per_frame_1=b = a + 1; q1 = 7;
        per_frame_2=reg03 = 2; gmem[4] = 9;
        per_pixel_1=c = a + 1;
        per_pixel_2=d = reg03 + gmem[4];
        per_pixel_3=zoom = zoom + 1 
        per_pixel_4=h = 1;
        wave_0_init1=t1 = 3;
        wave_0_per_frame1=e = t1;
        shape_1_per_frame1=f = (1 + ;
        shape_1_per_frame2=g = 2;
        """, name: "test")
    }

    @Test func blocksShareVariablesAsMilkDropDoes() throws {
        var p = PresetPrograms(preset: try Self.preset())
        p.run(.perFrameInit)
        p.run(.perFrame)
        #expect(p.contexts[.frame]?["b"] == 6, "per_frame sees per_frame_init's variables")
        p.run(.perPixel)
        #expect(p.contexts[.pixel]?["c"] == 1, "per_pixel has its own variables")
        #expect(p.contexts[.pixel]?["d"] == 11, "registers and gmegabuf are shared")
        p.run(.waveInit(0))
        p.run(.wavePerFrame(0))
        #expect(p.contexts[.waveFrame(0)]?["e"] == 3)
    }

    @Test func droppedStatementIsReportedWithBlockLineAndColumn() throws {
        var p = PresetPrograms(preset: try Self.preset())
        #expect(p.diagnostics.count == 2)
        let pixel = p.diagnostics[0]
        #expect(pixel.block == "per_pixel" && pixel.line == 4 && pixel.column == 1,
                "no ';' after per_pixel_3: MilkDrop joins lines with nothing between, so `1 h` fails at line 4")
        let shape = p.diagnostics[1]
        #expect(shape.block == "shape_1_per_frame" && shape.line == 1 && shape.column == 10)
        p.run(.shapePerFrame(1))
        #expect(p.contexts[.shapeFrame(1)]?["g"] == 2, "the rest of the block still runs")
    }

    @Test func perPixelBatchMatchesPerVertexRuns() throws {
        var fast = PresetPrograms(preset: try Self.preset())
        var reference = PresetPrograms(preset: try Self.preset())
        let grid = MeshGrid(cellsX: 4, cellsY: 3)
        let slots = ["x", "y", "zoom"].map { fast.slot($0, in: .pixel) }
        _ = ["x", "y", "zoom"].map { reference.slot($0, in: .pixel) }
        var b1 = VertexBatch(count: grid.vertexCount, slots: slots)
        b1.columns = [grid.x, grid.y, Array(repeating: 1, count: grid.vertexCount)]
        var b2 = b1
        fast.run(.perPixel, batch: &b1)
        reference.blocks[.perPixel]?.code.runReference(batch: &b2, in: &reference.contexts[.pixel, default: ExpressionContext()])
        #expect(b1.columns == b2.columns)
    }
}

/// Bug: every variable space had its own `rand()` generator seeded alike, so the four shapes of "shifter - swarm"
/// drew the same `rand(101)` in their init code and sat on top of each other. MilkDrop has one generator.
@Suite struct SharedRandomGeneratorTests {
    @Test func randInEachShapeInitDrawsFromOneSessionGenerator() throws {
        let preset = try Preset(text: """
        [preset00]
        shape_0_init1=t1 = rand(1000000);
        shape_1_init1=t1 = rand(1000000);
        wave_0_init1=t1 = rand(1000000);
        """, name: "test")
        var p = PresetPrograms(preset: preset, seed: 3)
        p.run(.shapeInit(0))
        p.run(.shapeInit(1))
        p.run(.waveInit(0))
        let draws = [p.contexts[.shapeFrame(0)]?["t1"], p.contexts[.shapeFrame(1)]?["t1"], p.contexts[.waveFrame(0)]?["t1"]]
        var generator = MersenneTwister(seed: 3)
        let expected = (0..<3).map { _ in generator.rand(1000000) }
        #expect(draws == expected.map { Optional($0) }, "one sequence across spaces, in run order")
    }

    @Test func sameSeedGivesTheSameSequenceInANewSession() throws {
        let preset = try Preset(text: "[preset00]\nper_frame_1=a = rand(1000);\n", name: "test")
        var first = PresetPrograms(preset: preset, seed: 9)
        var second = PresetPrograms(preset: preset, seed: 9)
        first.run(.perFrame)
        second.run(.perFrame)
        #expect(first.contexts[.frame]?["a"] == second.contexts[.frame]?["a"])
    }
}

@Suite struct MeshGridTests {
    @Test func gridMatchesMilkDropsLayout() {
        let g = MeshGrid()
        #expect(g.vertexCount == 49 * 37)
        #expect(g.x[0] == 0 && g.y[0] == 0 && g.x[48] == 1)
        let centre = 18 * 49 + 24
        #expect(g.rad[centre] == 0 && g.ang[centre] == 0)
        #expect(abs(g.rad[0] - 2.0.squareRoot()) < 1e-6)
    }
}

@Suite struct VariableBridgeTests {
    @Test func copiesQVariablesFromFrameToPixel() throws {
        var p = PresetPrograms(preset: try PresetProgramsTests.preset())
        let bridge = VariableBridge(VariableBridge.qNames, from: .frame, to: .pixel, in: &p)
        p.run(.perFrame)
        bridge.apply(&p)
        #expect(p.contexts[.pixel]?["q1"] == 7)
        #expect(p.contexts[.pixel]?["b"] == 0, "only the bridged names cross")
    }
}
