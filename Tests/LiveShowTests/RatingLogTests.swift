import Foundation
import LiveShow
import Testing

struct RatingLogTests {
    static func rating(_ value: Int) -> PairRating {
        PairRating(time: "2026-11-22T03:00:00Z", pairID: "p-\(value)", rating: value, fg: "a/fg.milk", bg: "b/bg.milk", pack: "pack")
    }

    @Test func ratingsAppendOneJSONLineEachBesideThePack() throws {
        let directory = try ShowConfigTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = RatingLog(packDirectory: directory, environment: ["XDG_DATA_HOME": directory + "/data"])
        let first = try log.append(Self.rating(4))
        _ = try log.append(Self.rating(1))
        #expect(first.path == directory + "/ratings.jsonl" && !first.fellBack)
        let lines = try String(contentsOfFile: first.path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let decoded = try JSONDecoder().decode(PairRating.self, from: Data(lines[0].utf8))
        #expect(decoded == Self.rating(4))
        #expect(lines[1].contains("\"pair_id\":\"p-1\"") && lines[1].contains("\"rating\":1"))
    }

    @Test func anUnwritablePackFolderSendsRatingsToTheDataFolder() throws {
        let directory = try ShowConfigTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A pack path under a regular file cannot be written by anyone, root included.
        let blocker = directory + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        let log = RatingLog(packDirectory: blocker + "/mypack", environment: ["XDG_DATA_HOME": directory + "/data"])
        let written = try log.append(Self.rating(5))
        #expect(written.fellBack)
        #expect(written.path == directory + "/data/aivj/ratings/mypack/ratings.jsonl")
        #expect(try String(contentsOfFile: written.path, encoding: .utf8).hasSuffix("}\n"))
    }

    @Test(.enabled(if: getuid() != 0)) func aReadOnlyPackFolderFallsBack() throws {
        let directory = try ShowConfigTests.temporaryDirectory()
        defer {
            chmod(directory + "/pack", 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        try FileManager.default.createDirectory(atPath: directory + "/pack", withIntermediateDirectories: true)
        chmod(directory + "/pack", 0o555)
        let log = RatingLog(packDirectory: directory + "/pack", environment: ["XDG_DATA_HOME": directory + "/data"])
        #expect(try log.append(Self.rating(2)).fellBack)
    }

    @Test func dataHomeDefaultsUnderHome() {
        let log = RatingLog(packDirectory: "/p/pack", environment: ["HOME": "/home/v"])
        #expect(log.fallbackPath == "/home/v/.local/share/aivj/ratings/pack/ratings.jsonl")
    }
}
