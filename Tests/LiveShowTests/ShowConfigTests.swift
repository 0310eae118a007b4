import Foundation
import LiveShow
import Selection
import Testing

struct ShowConfigTests {
    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func configPathFollowsXDGConfigHomeElseHome() {
        #expect(ConfigStore.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"]) == "/x/cfg/aivj/config.toml")
        #expect(ConfigStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/aivj/config.toml")
        // The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored.
        #expect(ConfigStore.defaultPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/home/a"]) == "/home/a/.config/aivj/config.toml")
    }

    @Test func missingFileGivesTheDefaultsAndNoProblem() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = ConfigStore(path: directory + "/aivj/config.toml")
        #expect(store.stored == ShowConfig())
        #expect(store.problems.isEmpty)
        #expect(store.writable)
    }

    @Test func savedConfigReadsBackEqual() throws {
        var config = ShowConfig()
        config.pack = "/packs/a \"quoted\" pack"
        config.library = "/usr/share/projectM/presets"
        config.audio = "synth"
        config.width = 1920; config.height = 1080
        config.fullscreen = true; config.display = 1; config.hud = true
        config.pickMode = .random
        config.couplingMode = "debug"; config.strength = 0.3; config.parallax = 1; config.dof = 0
        config.minimumDwell = 5; config.maximumDwell = 7.5
        let (read, problems) = ShowConfig.parse(toml: config.toml, file: "config.toml")
        #expect(problems.isEmpty)
        #expect(read == config)
    }

    @Test func backgroundScaleIsReadFromTheCouplingTableAndChecked() {
        var config = ShowConfig()
        config.bgScale = 1
        #expect(ShowConfig.parse(toml: config.toml, file: "c.toml").config.bgScale == 1)
        let (read, problems) = ShowConfig.parse(toml: "[coupling]\nbg_scale = 0.1\n", file: "/c.toml")
        #expect(read.bgScale == ShowConfiguration.defaultBackgroundScale)
        #expect(problems.count == 1 && problems[0].contains("bg_scale"))
        var flags = ShowConfigOverrides()
        flags.bgScale = 0.75
        #expect(ShowConfig().overridden(by: flags).bgScale == 0.75)
        flags.bgScale = 3
        #expect(throws: LiveShowError.self) { try ShowConfig().overridden(by: flags).validated() }
    }

    @Test func malformedFileGivesOneLineNamingFileAndPlaceAndTheDefaults() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/config.toml"
        try Data("hud = true\nstrength = = 3\n".utf8).write(to: URL(fileURLWithPath: path))
        var store = ConfigStore(path: path)
        #expect(store.stored == ShowConfig())
        #expect(store.problems.count == 1)
        let line = try #require(store.problems.first)
        #expect(line.hasPrefix(path + ": line 2"))
        #expect(!line.contains("\n"))
        // A broken file is never overwritten by a live change.
        #expect(!store.writable)
        #expect(try store.update { $0.hud = false } == false)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("= = 3"))
    }

    @Test func badValuesKeepTheirDefaultsAndNameTheKey() {
        let text = """
            hud = "yes"
            size = "big"
            pick_mode = "random"
            colour = 3
            [coupling]
            strength = 1.5
            parallax = 1
            mode = "debug"
            """
        let (config, problems) = ShowConfig.parse(toml: text, file: "/c.toml")
        #expect(config.hud == false)
        #expect(config.width == 1280)
        #expect(config.pickMode == .random)
        #expect(config.strength == 0.8)
        #expect(config.parallax == 1)
        #expect(config.couplingMode == "debug")
        #expect(problems.count == 4)
        #expect(problems.allSatisfy { $0.hasPrefix("/c.toml: ") })
        #expect(problems.contains { $0.contains("`coupling.strength`") })
        #expect(problems.contains { $0.contains("`colour`") })
    }

    @Test func flagsOverrideTheConfigForTheRun() throws {
        var config = ShowConfig()
        config.audio = "song.wav"
        config.strength = 0.2
        var flags = ShowConfigOverrides()
        flags.device = "hw:1"
        flags.width = 640; flags.height = 360
        flags.couplingMode = "off"
        let merged = config.overridden(by: flags)
        #expect(merged.device == "hw:1" && merged.audio == nil)
        #expect(merged.width == 640 && merged.height == 360)
        #expect(merged.couplingMode == "off")
        #expect(merged.strength == 0.2)
        flags.strength = 7
        #expect(throws: LiveShowError.self) { try config.overridden(by: flags).validated() }
    }

    @Test func liveChangesAreSavedWithoutTheRunsFlags() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/nested/aivj/config.toml"
        var store = ConfigStore(path: path)
        #expect(try store.update { $0.apply(.adjust(.dof, up: true)) })
        #expect(try store.update { $0.apply(.toggleHUD) })
        #expect(try store.update { _ in } == false)
        let reread = ConfigStore(path: path)
        #expect(reread.problems.isEmpty)
        #expect(reread.stored.dof == 0.6)
        #expect(reread.stored.hud)
        #expect(reread.stored.pack == nil)
    }

    @Test func sizeParsing() throws {
        #expect(try parseShowSize("640x360") == (640, 360))
        #expect(throws: LiveShowError.self) { try parseShowSize("640") }
        #expect(throws: LiveShowError.self) { try parseShowSize("9x9") }
    }
}
