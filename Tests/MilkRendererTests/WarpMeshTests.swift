@testable import MilkRenderer
import Testing

struct WarpMeshTests {
    @Test func identityMotionSamplesEachVertexWhereItIs() {
        let mesh = WarpMesh(columns: 8, rows: 6, width: 640, height: 360, aspectCorrected: true)
        var parameters = LayerParameters()
        parameters.motion.warp = 0
        let uv = mesh.textureCoordinates(parameters: parameters, field: nil, time: 3)
        for index in 0..<mesh.vertexCount {
            let expectedU = mesh.clipX[index] * 0.5 + 0.5
            let expectedV = 0.5 - mesh.clipY[index] * 0.5
            #expect(abs(uv[index].x - expectedU) < 1e-5)
            #expect(abs(uv[index].y - expectedV) < 1e-5)
        }
    }

    @Test func rowZeroIsTheTopAndPerPixelYGrowsDownwards() {
        let mesh = WarpMesh(columns: 4, rows: 4, width: 400, height: 400)
        #expect(mesh.clipY[0] == 1)
        #expect(mesh.y[0] == 0)
        #expect(mesh.y[mesh.vertexCount - 1] == 1)
        #expect(mesh.angle[2 * 5 + 2] == 0)
        #expect(mesh.radius[2 * 5 + 2] == 0)
    }

    @Test func zoomAboveOneSamplesCloserToTheCentre() {
        let mesh = WarpMesh(columns: 4, rows: 4, width: 400, height: 400)
        var parameters = LayerParameters()
        parameters.motion.warp = 0
        parameters.motion.zoom = 1.1
        let uv = mesh.textureCoordinates(parameters: parameters, field: nil, time: 0)
        #expect(abs(uv[0].x - (0.5 - 0.5 / 1.1)) < 1e-5)
        #expect(uv[0].y > 0 && uv[0].y < 0.5)
    }

    @Test func positiveDyMovesTheSamplePointUpSoThePictureMovesDown() {
        let mesh = WarpMesh(columns: 2, rows: 2, width: 100, height: 100)
        var parameters = LayerParameters()
        parameters.motion.warp = 0
        parameters.motion.dy = 0.01
        let uv = mesh.textureCoordinates(parameters: parameters, field: nil, time: 0)
        #expect(abs(uv[4].y - 0.49) < 1e-6)
    }

    @Test func aWarpFieldOverridesEachVertex() {
        let mesh = WarpMesh(columns: 2, rows: 2, width: 100, height: 100)
        var parameters = LayerParameters()
        parameters.motion.warp = 0
        var still = VertexMotion()
        still.warp = 0
        var moved = still
        moved.dx = 0.25
        var motions = Array(repeating: still, count: mesh.vertexCount)
        motions[4] = moved
        let uv = mesh.textureCoordinates(parameters: parameters, field: WarpField(motions: motions), time: 0)
        #expect(abs(uv[4].x - 0.25) < 1e-6)
        #expect(abs(uv[3].x - 0) < 1e-6)
    }
}

struct WarpMeshAspectTests {
    @Test func theDefaultCanvasIsSquareLikeMilkDrops() {
        let mesh = WarpMesh(columns: 4, rows: 4, width: 640, height: 360)
        #expect(mesh.aspectX == 1 && mesh.aspectY == 1)
        #expect(mesh.radius[0] == Float(2).squareRoot())
    }

    @Test func aspectCorrectionShrinksTheShortSide() {
        let mesh = WarpMesh(columns: 4, rows: 4, width: 640, height: 360, aspectCorrected: true)
        #expect(mesh.aspectX == 1)
        #expect(mesh.aspectY == 0.5625)
        #expect(mesh.y[0] == 0.5 - 0.5 * 0.5625)
    }
}
