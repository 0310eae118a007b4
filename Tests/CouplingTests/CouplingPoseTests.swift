import Coupling
import Testing

struct CouplingPoseTests {
    @Test func strengthZeroIsFlatWithTheCameraAtRest() {
        let pose = CouplingPose(parameters: CouplingParameters(strength: 0), motion: CouplingMotion(time: 3.3, beatPulse01: 1), height: 720)
        #expect(pose.flat)
        #expect(pose.camera == SIMD3(0, 0, 0))
        #expect(pose.fgBlurPixels == 0 && pose.bgBlurPixels == 0)
        #expect(pose.planeScale == 1)
    }

    @Test func modeOffIsFlatWhateverTheStrength() {
        let pose = CouplingPose(parameters: CouplingParameters(mode: .off, strength: 1), motion: CouplingMotion(time: 1), height: 720)
        #expect(pose.flat)
        #expect(pose.bgDepth == pose.fgDepth)
    }

    @Test func aBeatPushesTheCameraTowardsThePlanes() {
        let parameters = CouplingParameters(strength: 1, parallax: 1)
        let rest = CouplingPose(parameters: parameters, motion: CouplingMotion(time: 2, beatPulse01: 0), height: 720)
        let beat = CouplingPose(parameters: parameters, motion: CouplingMotion(time: 2, beatPulse01: 1), height: 720)
        #expect(rest.camera.z == 0)
        #expect(beat.camera.z < -0.1)
        #expect(beat.camera.x == rest.camera.x)
    }

    @Test func focusFollowsTheMusicAndBlursTheFarPlane() {
        var parameters = CouplingParameters(strength: 1, dof: 1)
        let loud = CouplingPose(parameters: parameters, motion: CouplingMotion(time: 0, intensity01: 1), height: 720)
        #expect(loud.focus01 == 0)
        #expect(loud.fgBlurPixels == 0)
        #expect(abs(loud.bgBlurPixels - CouplingPose.maxBlurPixels) < 1e-9)
        let calm = CouplingPose(parameters: parameters, motion: CouplingMotion(time: 0, intensity01: 0), height: 720)
        #expect(calm.fgBlurPixels > 0 && calm.bgBlurPixels < loud.bgBlurPixels)
        #expect(abs(calm.focus01 - 0.6) < 1e-12)
        // Music keeps the FG sharp: at the default coupling, a blur under a quarter pixel from intensity 0.71.
        let music = CouplingPose(parameters: CouplingParameters(), motion: CouplingMotion(time: 0, intensity01: 0.71), height: 720)
        #expect(music.fgBlurPixels < 0.25)
        let half = CouplingPose(parameters: parameters, motion: CouplingMotion(time: 0, intensity01: 0.5), height: 720)
        #expect(abs(half.focus01 - 0.15) < 1e-12)
        parameters.focusFollowsMusic = false
        parameters.focus = 1
        let fixed = CouplingPose(parameters: parameters, motion: CouplingMotion(time: 0, intensity01: 1), height: 720)
        #expect(fixed.bgBlurPixels == 0 && fixed.fgBlurPixels > 0)
    }

    @Test func badAmountsAreClampedNotPropagated() {
        var parameters = CouplingParameters(strength: .nan, parallax: 7, dof: -2)
        parameters.keyHigh = 0
        let clamped = parameters.clamped
        #expect(clamped.strength == 0.8 && clamped.parallax == 1 && clamped.dof == 0)
        #expect(clamped.keyHigh > clamped.keyLow)
    }

    @Test func keyMaskHasASoftEdge() {
        #expect(KeyMask.alpha(luma: 0.0, low: 0.1, high: 0.3) == 0)
        #expect(abs(KeyMask.alpha(luma: 0.2, low: 0.1, high: 0.3) - 0.5) < 1e-12)
        #expect(KeyMask.alpha(luma: 0.9, low: 0.1, high: 0.3) == 1)
    }

    @Test func thePlaneMapIsTheRayCastThroughEachPixel() {
        let pose = CouplingPose(parameters: CouplingParameters(strength: 1, parallax: 1),
                                motion: CouplingMotion(time: 2.7, beatPulse01: 0.8), height: 720)
        let aspect = 16.0 / 9
        let tanHalf = SIMD2(CouplingPose.tanHalfFOV * aspect, CouplingPose.tanHalfFOV)
        for depth in [pose.fgDepth, pose.bgDepth] {
            let map = pose.planeMap(depth: depth, aspect: aspect)
            for ndc in [SIMD2(-1.0, -1.0), SIMD2(0.3, -0.7), SIMD2(1.0, 0.5)] {
                // The ray from the camera through `ndc` on the image plane, met at the plane's distance.
                let hit = SIMD2(pose.camera.x, pose.camera.y) + (depth + pose.camera.z) * ndc * tanHalf
                let expected = 0.5 + 0.5 * hit / (depth * tanHalf * pose.planeScale)
                let mapped = SIMD2(map.x, map.y) + SIMD2(map.z, map.w) * ndc
                #expect(abs(mapped.x - expected.x) < 1e-12 && abs(mapped.y - expected.y) < 1e-12)
            }
        }
    }
}
