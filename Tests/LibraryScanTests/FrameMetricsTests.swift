import LibraryScan
import Recording
import Testing

struct FrameMetricsTests {
    @Test func lumaOfWhiteIsOneAndOfBlackZero() throws {
        #expect(FrameMetrics.luma(RGBImage(width: 4, height: 4, red: 255, green: 255, blue: 255)) == 1)
        #expect(FrameMetrics.luma(RGBImage(width: 4, height: 4, red: 0, green: 0, blue: 0)) == 0)
        #expect(abs(FrameMetrics.luma(RGBImage(width: 2, height: 2, red: 255, green: 0, blue: 0)) - 0.299) < 1e-12)
    }

    @Test func coverageCountsPixelsAboveTheThreshold() throws {
        let image = try RGBImage(width: 2, height: 2, pixels: [255, 255, 255, 0, 0, 0, 10, 10, 10, 200, 200, 200])
        #expect(FrameMetrics.coverage(image, threshold: 0.1) == 0.5)
    }

    @Test func differenceIsMeanAbsoluteOverChannels() throws {
        let black = RGBImage(width: 3, height: 3, red: 0, green: 0, blue: 0)
        let white = RGBImage(width: 3, height: 3, red: 255, green: 255, blue: 255)
        #expect(FrameMetrics.difference(black, white) == 1)
        #expect(FrameMetrics.difference(white, white) == 0)
        let a = try RGBImage(width: 1, height: 1, pixels: [0, 0, 0])
        let b = try RGBImage(width: 1, height: 1, pixels: [51, 0, 0])
        #expect(abs(FrameMetrics.difference(a, b) - 51.0 / 765) < 1e-12)
    }

    @Test func sha1MatchesTheStandardTestVector() throws {
        // SHA-1("abc") from FIPS 180-2: the three bytes are one RGB pixel.
        let image = try RGBImage(width: 1, height: 1, pixels: Array("abc".utf8))
        #expect(FrameMetrics.sha1(image) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }

    @Test func scalingAveragesBoxes() throws {
        let image = try RGBImage(width: 2, height: 2, pixels: [0, 0, 0, 255, 255, 255, 100, 0, 0, 101, 0, 0])
        let small = try FrameMetrics.scaled(image, to: 1)
        let red: UInt8 = 114  // (0 + 255 + 100 + 101 + 2) / 4
        let other: UInt8 = 64  // (255 + 0 + 0 + 0 + 2) / 4
        #expect(small.pixels == [red, other, other])
        #expect(try FrameMetrics.scaled(image, to: 2) == image)
        let odd = try FrameMetrics.scaled(RGBImage(width: 7, height: 5, red: 9, green: 8, blue: 7), to: 3)
        #expect(odd.width == 3 && odd.pixels.allSatisfy { [9, 8, 7].contains($0) })
    }
}
