@testable import Coupling
import Foundation
import GraphicsCore
import Testing

@Suite(.serialized)
struct CouplingCompositorTests {
    static let width = 160
    static let height = 90

    /// A BG with smooth gradients and a FG whose luma crosses the key's soft edge.
    static func gradients() throws -> (bg: Texture2D, fg: Texture2D) {
        let bg = try Pictures.texture(width: width, height: height) { x, y in
            SIMD3(UInt8(x * 255 / (width - 1)), UInt8(y * 255 / (height - 1)), 90)
        }
        let fg = try Pictures.texture(width: width, height: height) { x, y in
            let level = UInt8((x + 2 * y) * 255 / (width - 1 + 2 * (height - 1)))
            return SIMD3(level, level / 2, 255 - level)
        }
        return (bg, fg)
    }

    @Test func strengthZeroEqualsTheFlatMix() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (bg, fg) = try Self.gradients()
        let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
        let parameters = CouplingParameters(mode: .on, strength: 0, parallax: 1, dof: 1)
        try compositor.render(background: bg, foreground: fg, parameters: parameters,
                              motion: CouplingMotion(time: 4.2, beatPulse01: 1, intensity01: 0.1))
        let composite = try compositor.readOutput()
        // The documented flat mix, on the CPU, from the same input pixels.
        var largest = 0
        for y in 0..<Self.height {
            for x in 0..<Self.width {
                let b = SIMD3<Double>(Double(x * 255 / (Self.width - 1)), Double(y * 255 / (Self.height - 1)), 90) / 255
                let level = Double(UInt8((x + 2 * y) * 255 / (Self.width - 1 + 2 * (Self.height - 1))))
                let f = SIMD3<Double>(level, Double(UInt8(level) / 2), 255 - level) / 255
                let expected = KeyMask.mix(background: b, foreground: f, low: parameters.keyLow, high: parameters.keyHigh) * 255
                let got = Pictures.pixel(composite, width: Self.width, x: x, y: y)
                for channel in 0..<3 {
                    largest = max(largest, abs(Int(got[channel]) - Int(expected[channel].rounded())))
                }
            }
        }
        #expect(largest <= 1)
        // Mode off gives the same bytes as strength 0.
        try compositor.render(background: bg, foreground: fg, parameters: CouplingParameters(mode: .off, strength: 1),
                              motion: CouplingMotion(time: 4.2, beatPulse01: 1))
        #expect(try compositor.readOutput() == composite)
    }

    @Test func smallStrengthStaysCloseToTheFlatMix() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (bg, fg) = try Self.gradients()
        let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
        try compositor.render(background: bg, foreground: fg, parameters: CouplingParameters(strength: 0),
                              motion: CouplingMotion(time: 1))
        let flat = try compositor.readOutput()
        try compositor.render(background: bg, foreground: fg, parameters: CouplingParameters(strength: 0.01),
                              motion: CouplingMotion(time: 1))
        let nearlyFlat = try compositor.readOutput()
        let meanDifference = zip(flat, nearlyFlat).reduce(0.0) { $0 + abs(Double($1.0) - Double($1.1)) } / Double(flat.count)
        #expect(meanDifference < 2)
        try compositor.render(background: bg, foreground: fg, parameters: CouplingParameters(strength: 1, parallax: 1),
                              motion: CouplingMotion(time: 1))
        #expect(try compositor.readOutput() != flat)
    }

    @Test func parallaxMovesTheForegroundAgainstTheBackgroundOnABeat() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (w, h) = (Self.width, Self.height)
        // FG: a white square right of centre, upper half. BG: a red square right of centre, lower half.
        let fg = try Pictures.texture(width: w, height: h) { x, y in
            (110..<126).contains(x) && (15..<31).contains(y) ? SIMD3(255, 255, 255) : SIMD3(0, 0, 0)
        }
        let bg = try Pictures.texture(width: w, height: h) { x, y in
            (110..<126).contains(x) && (58..<74).contains(y) ? SIMD3(255, 0, 0) : SIMD3(0, 0, 0)
        }
        let compositor = try CouplingCompositor(width: w, height: h)
        var parameters = CouplingParameters(strength: 1, parallax: 1, dof: 0)
        parameters.focusFollowsMusic = false
        func squares(beat: Double) throws -> (fg: Double, bg: Double) {
            try compositor.render(background: bg, foreground: fg, parameters: parameters,
                                  motion: CouplingMotion(time: 0, beatPulse01: beat))
            let picture = try compositor.readOutput()
            let white = Pictures.centroidX(picture, width: w, height: h) { $0.x > 128 && $0.y > 128 }
            let red = Pictures.centroidX(picture, width: w, height: h) { $0.x > 128 && $0.y < 64 }
            return (try #require(white), try #require(red))
        }
        let rest = try squares(beat: 0)
        let beat = try squares(beat: 1)
        let fgShift = beat.fg - rest.fg
        let bgShift = beat.bg - rest.bg
        // Both move outwards as the camera pushes in, the near plane by more: they move against each other.
        #expect(fgShift > 1)
        #expect(fgShift - bgShift > 1.5)
    }

    @Test func depthOfFieldBlursThePlaneOutOfFocus() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (w, h) = (Self.width, Self.height)
        let checker = try Pictures.texture(width: w, height: h) { x, y in
            (x / 2 + y / 2) % 2 == 0 ? SIMD3(255, 255, 255) : SIMD3(40, 40, 40)
        }
        let black = try Pictures.texture(width: w, height: h) { _, _ in SIMD3(0, 0, 0) }
        let compositor = try CouplingCompositor(width: w, height: h)
        var parameters = CouplingParameters(strength: 1, parallax: 0, dof: 0)
        parameters.focusFollowsMusic = false
        func energy(bg: Texture2D, fg: Texture2D, focus: Double, dof: Double) throws -> Double {
            parameters.focus = focus
            parameters.dof = dof
            try compositor.render(background: bg, foreground: fg, parameters: parameters, motion: CouplingMotion(time: 0))
            return Pictures.highFrequencyEnergy(try compositor.readOutput(), width: w, height: h)
        }
        // BG out of focus (focus on the FG, which is black: keyed out everywhere).
        let sharpBackground = try energy(bg: checker, fg: black, focus: 0, dof: 0)
        let blurredBackground = try energy(bg: checker, fg: black, focus: 0, dof: 1)
        #expect(sharpBackground > 20)
        #expect(blurredBackground < sharpBackground * 0.4)
        // The BG in focus stays sharp.
        #expect(try energy(bg: checker, fg: black, focus: 1, dof: 1) > sharpBackground * 0.9)
        // FG out of focus (focus on the BG); its checker is bright enough to be fully keyed in.
        let sharpForeground = try energy(bg: black, fg: checker, focus: 1, dof: 0)
        let blurredForeground = try energy(bg: black, fg: checker, focus: 1, dof: 1)
        #expect(blurredForeground < sharpForeground * 0.4)
    }

    /// Regression for the two-target blur pass: with focus between the planes both are blurred in the same
    /// passes, and each must come out blurred (and not swapped with, or overwritten by, the other).
    @Test func focusBetweenThePlanesBlursBoth() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (w, h) = (320, 180)
        func checker(_ x: Int, _ y: Int) -> SIMD3<UInt8> { (x / 2 + y / 2) % 2 == 0 ? SIMD3(255, 255, 255) : SIMD3(90, 90, 90) }
        // BG: a checker on the left half only. FG: a bright checker on the right half, black (keyed out) on the left.
        let bg = try Pictures.texture(width: w, height: h) { x, y in x < w / 2 ? checker(x, y) : SIMD3(0, 0, 0) }
        let fg = try Pictures.texture(width: w, height: h) { x, y in x >= w / 2 ? checker(x, y) : SIMD3(0, 0, 0) }
        let compositor = try CouplingCompositor(width: w, height: h)
        var parameters = CouplingParameters(strength: 1, parallax: 0, dof: 0)
        parameters.focusFollowsMusic = false
        parameters.focus = 0.5
        func halves(dof: Double) throws -> (left: Double, right: Double, leftLuma: Double, rightLuma: Double) {
            parameters.dof = dof
            try compositor.render(background: bg, foreground: fg, parameters: parameters, motion: CouplingMotion(time: 0))
            let picture = try compositor.readOutput()
            // Columns well inside each half (the planes' crop and depth shift the seam).
            func half(_ columns: Range<Int>) -> [UInt8] {
                var bytes: [UInt8] = []
                for y in 0..<h {
                    let start = (y * w + columns.lowerBound) * 3
                    bytes += picture[start..<(start + columns.count * 3)]
                }
                return bytes
            }
            let left = half(20..<120), right = half(200..<300)
            return (Pictures.highFrequencyEnergy(left, width: 100, height: h),
                    Pictures.highFrequencyEnergy(right, width: 100, height: h), Pictures.meanLuma(left), Pictures.meanLuma(right))
        }
        let sharp = try halves(dof: 0)
        let blurred = try halves(dof: 1)
        let pose = try #require(compositor.lastPose)
        #expect(pose.fgBlurPixels >= 0.25 && pose.bgBlurPixels >= 0.25)
        #expect(sharp.left > 20 && sharp.right > 20)
        #expect(blurred.left < sharp.left * 0.5)
        #expect(blurred.right < sharp.right * 0.5)
        // Each half still shows its own plane (a blur keeps the mean): nothing swapped or lost.
        #expect(abs(blurred.leftLuma - sharp.leftLuma) < 0.1 * sharp.leftLuma)
        #expect(abs(blurred.rightLuma - sharp.rightLuma) < 0.1 * sharp.rightLuma)
    }

    @Test func debugModeDiffersAndIsNotBlack() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (bg, fg) = try Self.gradients()
        let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
        let motion = CouplingMotion(time: 2, beatPulse01: 0.5)
        try compositor.render(background: bg, foreground: fg, parameters: CouplingParameters(mode: .on), motion: motion)
        let normal = try compositor.readOutput()
        try compositor.render(background: bg, foreground: fg, parameters: CouplingParameters(mode: .debug), motion: motion)
        let debug = try compositor.readOutput()
        #expect(debug != normal)
        let black = try Pictures.texture(width: 8, height: 8) { _, _ in SIMD3(0, 0, 0) }
        try compositor.render(background: black, foreground: black, parameters: CouplingParameters(mode: .debug), motion: motion)
        #expect(Pictures.meanLuma(try compositor.readOutput()) > 0.05)
    }

    @Test func onlyAPlaneShownOnlyOrMostlyBlurredMayBeDrawnSmall() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        // 360 lines: blurs up to 6 pixels, enough for a plane to be blurred only.
        let compositor = try CouplingCompositor(width: 640, height: 360)
        let calm = CouplingMotion(time: 1, intensity01: 0)
        // Silence: focus drifts towards the BG, both planes fully blurred.
        let full = CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 1)
        #expect(compositor.halfSizePlanes(parameters: full, motion: calm) == (fg: true, bg: true))
        // Loud: focus on the FG, which is then read sharp.
        #expect(compositor.halfSizePlanes(parameters: full, motion: CouplingMotion(time: 1, intensity01: 1)) == (fg: false, bg: true))
        // The debug view's key inset reads the sharp FG; the flat mix reads both sharp.
        var debug = full
        debug.mode = .debug
        #expect(compositor.halfSizePlanes(parameters: debug, motion: calm) == (fg: false, bg: false))
        #expect(compositor.halfSizePlanes(parameters: CouplingParameters(mode: .off), motion: calm) == (fg: false, bg: false))
        // Focus at 0.3 (intensity 1 − √½). A small blur still mixes in the sharp picture (FG 0.36 px, BG 0.84 px)…
        let between = CouplingMotion(time: 1, intensity01: 1 - 0.5.squareRoot())
        let slight = CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 0.2)
        #expect(compositor.halfSizePlanes(parameters: slight, motion: between) == (fg: false, bg: false))
        // …a plane out of focus by 1.2 px or more (mix 0.6) is mostly blurred: FG 1.08 px, BG 2.52 px.
        let some = CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 0.6)
        #expect(compositor.halfSizePlanes(parameters: some, motion: between) == (fg: false, bg: true))
        var fixed = some
        fixed.focusFollowsMusic = false
        fixed.focus = 0.35
        #expect(compositor.halfSizePlanes(parameters: fixed, motion: calm) == (fg: true, bg: true))
    }

    @Test func bothPlanesBlurredDrawTheSceneSmallAndStretchItAlmostUnchanged() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (width, height) = (640, 360)
        let bg = try Pictures.texture(width: width / 2, height: height / 2) { x, y in
            SIMD3(UInt8((x * 255) / (width / 2 - 1)), UInt8((y * 255) / (height / 2 - 1)), UInt8((x + y) % 64 * 4))
        }
        let fg = try Pictures.texture(width: width, height: height) { x, y in
            let ring = Int((Double((x - 320) * (x - 320) + (y - 180) * (y - 180))).squareRoot()) / 24 % 2
            return ring == 0 ? SIMD3(240, 200, 60) : SIMD3(10, 10, 30)
        }
        let compositor = try CouplingCompositor(width: width, height: height)
        let parameters = CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 1)
        let motion = CouplingMotion(time: 2.5, beatPulse01: 0.5, intensity01: 0)
        #expect(compositor.halfSizePlanes(parameters: parameters, motion: motion) == (fg: true, bg: true))
        var pictures: [[UInt8]] = []
        for small in [false, true] {
            compositor.allowsSmallScene = small
            try compositor.render(background: bg, foreground: fg, parameters: parameters, motion: motion)
            pictures.append(try compositor.readOutput())
        }
        if let folder = ProcessInfo.processInfo.environment["AIVJ_TEST_PNG"] {
            for (index, picture) in pictures.enumerated() {
                let header = "P6\n\(width) \(height)\n255\n"
                try (Data(header.utf8) + Data(picture)).write(to: URL(fileURLWithPath: "\(folder)/small-scene-\(index).ppm"))
            }
        }
        let differences = zip(pictures[0], pictures[1]).map { abs(Int($0) - Int($1)) }
        let mean = Double(differences.reduce(0, +)) / Double(differences.count)
        #expect(mean < 1.5)
        #expect((differences.max() ?? 255) <= 56)
    }

    @Test func theBlurFadesInOverTwoPixelsAndIsWholeFromNineTenths() {
        #expect(DepthOfFieldBlur.mix(radius: 0.2) == 0)
        #expect(DepthOfFieldBlur.mix(radius: 1) == 0.5)
        #expect(DepthOfFieldBlur.mix(radius: 1.85) == 0.925)
        // The default coupling's BG at its least blurred (silence, 720 lines): 1.92 px, blurred only.
        let pose = CouplingPose(parameters: CouplingParameters(), motion: CouplingMotion(time: 0, intensity01: 0), height: 720)
        #expect(abs(pose.bgBlurPixels - 1.92) < 1e-9)
        #expect(DepthOfFieldBlur.mix(radius: pose.bgBlurPixels) == 1)
    }

    @Test func warmingUpChangesNoPictureDrawnAfterIt() throws {
        let context = try HeadlessContext()
        try context.makeCurrent()
        let (bg, fg) = try Self.gradients()
        let parameters = CouplingParameters(mode: .on, strength: 1, parallax: 1, dof: 1)
        let motion = CouplingMotion(time: 1.3, beatPulse01: 0.4, intensity01: 0.3)
        var pictures: [[UInt8]] = []
        for warm in [false, true] {
            let compositor = try CouplingCompositor(width: Self.width, height: Self.height)
            if warm {
                try compositor.warmUp()
                #expect(try compositor.readOutput().allSatisfy { $0 == 0 })
            }
            try compositor.render(background: bg, foreground: fg, parameters: parameters, motion: motion)
            pictures.append(try compositor.readOutput())
        }
        #expect(pictures[0] == pictures[1])
    }
}
