import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `aivj scan` end to end on a tiny fixture library, tiny frames and few of them, so CI stays fast.
struct ScanCommandTests {
    static let library = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/LibraryScan/library").path
    static let tiny = ["--size", "32", "--warmup", "4", "--capture-count", "2", "--capture-every", "3", "--jobs", "2"]

    func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("aivj-scan-\(UUID().uuidString)").path
    }

    func manifest(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/run-manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func entries(_ folder: String) throws -> [String: [String: Any]] {
        let presets = try manifest(folder)["presets"] as? [[String: Any]] ?? []
        return Dictionary(presets.map { ($0["path"] as? String ?? "", $0) }) { first, _ in first }
    }

    /// The parts of a scan that make up its result (docs/scale.md): index bytes, frame files, and the manifest's
    /// presets, parameters, thresholds and summary without timings or provenance.
    func result(_ folder: String) throws -> [String] {
        var parts: [String] = []
        parts.append(try String(contentsOfFile: folder + "/frames-index.jsonl", encoding: .utf8))
        var object = try manifest(folder)
        object["made"] = nil
        var presets = object["presets"] as? [[String: Any]] ?? []
        for index in presets.indices { presets[index]["timing"] = nil }
        object["presets"] = presets
        var summary = object["summary"] as? [String: Any] ?? [:]
        summary["seconds"] = nil
        summary["presetsPerSecond"] = nil
        object["summary"] = summary
        var parameters = object["parameters"] as? [String: Any] ?? [:]
        parameters["timeoutMs"] = nil
        object["parameters"] = parameters
        parts.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        let frames = folder + "/frames"
        let files = (FileManager.default.enumerator(atPath: frames)?.allObjects as? [String] ?? []).sorted()
        for file in files {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: frames + "/" + file, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            parts.append(file + " " + String((try Data(contentsOf: URL(fileURLWithPath: frames + "/" + file))).hashValue))
        }
        return parts
    }

    @Test func scansTheFixtureLibraryWithABrokenAndAHangingPreset() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try AIVJProcess.run(["scan", Self.library, "--out", out, "--format", "png", "--timeout-ms", "8000",
                                       "--retries", "0", "--json"] + Self.tiny,
                                      environment: ["AIVJ_SCAN_TEST_HANG": "hang-or-crash"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(summary["presets"] as? Int == 6 && summary["failed"] as? Int ?? 0 >= 2)
        #expect((summary["gates"] as? [[String: Any]])?.count == 4)
        let byPath = try entries(out)
        #expect(byPath["broken.milk"]?["reasons"] as? [String] == ["parse-error"])
        #expect(byPath["sub/hang-or-crash.milk"]?["reasons"] as? [String] == ["timeout"])
        let shape = try #require(byPath["custom-shape.milk"])
        #expect(shape["frames"] as? Int == 2 && (shape["firstFrameSHA1"] as? String)?.count == 40)
        let index = try String(contentsOfFile: out + "/frames-index.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(index.count == 8)
        for line in index {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let file = try #require(object["file"] as? String)
            #expect(file.hasSuffix(".png") && FileManager.default.fileExists(atPath: out + "/" + file))
        }
        let report = try String(contentsOfFile: out + "/scan-report.html", encoding: .utf8)
        #expect(report.contains("Gates") && report.contains("<svg") && report.contains("Failed (2)"))
    }

    @Test func aCrashingPresetIsRetriedThenRecordedAndTheScanGoesOn() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try AIVJProcess.run(["scan", Self.library, "--out", out, "--retries", "1", "--refresh-every", "1"] + Self.tiny,
                                      environment: ["AIVJ_SCAN_TEST_CRASH": "hang-or-crash"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("gate okRate"))
        let crashed = try #require(try entries(out)["sub/hang-or-crash.milk"])
        #expect(crashed["reasons"] as? [String] == ["crash"])
        #expect((crashed["timing"] as? [String: Any])?["attempts"] as? Int == 2)
        #expect(try entries(out).count == 6)
    }

    @Test func killedAtRandomPointsThenResumedEqualsAnUninterruptedScan() throws {
        let reference = temporaryFolder(), killed = temporaryFolder()
        defer { for folder in [reference, killed] { try? FileManager.default.removeItem(atPath: folder) } }
        let whole = try AIVJProcess.run(["scan", Self.library, "--out", reference] + Self.tiny)
        #expect(whole.status == 0, "\(whole.stderr)")
        var delays: [Double] = []
        for attempt in 0..<4 {
            let delay = Double.random(in: 0.2...2.0)
            delays.append(delay)
            var arguments = ["scan", Self.library, "--out", killed] + Self.tiny
            if attempt > 0 { arguments.append("--resume") }
            try killGroup(arguments, after: delay)
        }
        let resumed = try AIVJProcess.run(["scan", Self.library, "--out", killed, "--resume"] + Self.tiny)
        #expect(resumed.status == 0, "delays \(delays): \(resumed.stderr)")
        #expect(try result(killed) == result(reference), "killed after \(delays) s")
        let journal = try String(contentsOfFile: killed + "/scan-journal.jsonl", encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 6, "every preset committed once")
    }

    @Test func threeShardsMergedEqualAnUnshardedScan() throws {
        let reference = temporaryFolder(), merged = temporaryFolder()
        let shards = (0..<3).map { _ in temporaryFolder() }
        defer { for folder in [reference, merged] + shards { try? FileManager.default.removeItem(atPath: folder) } }
        let whole = try AIVJProcess.run(["scan", Self.library, "--out", reference] + Self.tiny)
        #expect(whole.status == 0, "\(whole.stderr)")
        for (index, folder) in shards.enumerated() {
            let part = try AIVJProcess.run(["scan", Self.library, "--out", folder, "--shard", "\(index)/3"] + Self.tiny)
            #expect(part.status == 0, "\(part.stderr)")
        }
        let partial = try AIVJProcess.run(["scan", "merge", shards[0], shards[1], "--out", merged])
        #expect(partial.status != 0 && partial.stderr.contains("shard(s) 2/3 missing"))
        let merge = try AIVJProcess.run(["scan", "merge"] + shards + ["--out", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try result(merged) == result(reference))
    }

    @Test func badInputGivesOneClearLine() throws {
        let missing = try AIVJProcess.run(["scan", "/no/such/library", "--out", temporaryFolder()])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/no/such/library: no such folder or library manifest"))
        #expect(missing.stderr.split(separator: "\n").count == 1)

        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("{\"format\":".utf8).write(to: URL(fileURLWithPath: folder + "/run-manifest.json"))
        let merge = try AIVJProcess.run(["scan", "merge", folder, "--out", temporaryFolder()])
        #expect(merge.status != 0 && merge.stderr.contains("run-manifest.json: not valid JSON"))
        #expect(merge.stderr.split(separator: "\n").count == 1)

        let audio = try AIVJProcess.run(["scan", Self.library, "--out", temporaryFolder(), "--audio", "/no/such.wav"])
        #expect(audio.status != 0 && audio.stderr.contains("--audio") && audio.stderr.contains("/no/such.wav"))
        #expect(audio.stderr.split(separator: "\n").count == 1)

        let shard = try AIVJProcess.run(["scan", Self.library, "--out", temporaryFolder(), "--shard", "3/3"])
        #expect(shard.status != 0 && shard.stderr.contains("--shard '3/3'"))
    }

    @Test func resumeRefusesOtherParametersAndAFullFolderNeedsResume() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let library = Self.library + "/sub"
        let first = try AIVJProcess.run(["scan", library, "--out", out] + Self.tiny)
        #expect(first.status == 0, "\(first.stderr)")
        let again = try AIVJProcess.run(["scan", library, "--out", out] + Self.tiny)
        #expect(again.status != 0 && again.stderr.contains("already holds a scan; pass --resume"))
        let other = try AIVJProcess.run(["scan", library, "--out", out, "--resume", "--fps", "25"] + Self.tiny)
        #expect(other.status != 0 && other.stderr.contains("cannot resume"))
        let finished = try AIVJProcess.run(["scan", library, "--out", out, "--resume"] + Self.tiny)
        #expect(finished.status == 0 && finished.stdout.contains("presets 2"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func showsABarWithRateAndETAOnATerminalAndPlainLinesOtherwise() throws {
        let out = temporaryFolder(), plain = temporaryFolder()
        defer { for folder in [out, plain] { try? FileManager.default.removeItem(atPath: folder) } }
        let command = ([AIVJProcess.executable.path, "scan", Self.library + "/sub", "--out", out] + Self.tiny)
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = try runOnATerminal(command)
        #expect(terminal.stdout.contains("\r\u{1B}[2K[") && terminal.stdout.contains("presets/s ETA"), "\(terminal.stdout)")
        let lines = try AIVJProcess.run(["scan", Self.library + "/sub", "--out", plain, "--progress-every", "0"] + Self.tiny)
        #expect(lines.stderr.contains("scan: 2/2 100%") && !lines.stderr.contains("\r"))
    }

    /// Runs a shell command under `script`, which gives it a pseudo-terminal; returns what the terminal showed.
    func runOnATerminal(_ command: String) throws -> AIVJProcess.Result {
        let log = temporaryFolder() + ".typescript"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, log]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let shown = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return AIVJProcess.Result(status: process.terminationStatus, stdout: shown, stderr: "")
    }

    /// Starts `aivj` in a process group of its own and SIGKILLs the whole group after `delay` seconds.
    func killGroup(_ arguments: [String], after delay: Double) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let executable = AIVJProcess.executable.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        try #require(status == 0)
        usleep(useconds_t(delay * 1_000_000))
        kill(-pid, SIGKILL)
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
        // Workers are in the same group and die with it; give the kernel a moment to reap them.
        usleep(100_000)
    }
}
