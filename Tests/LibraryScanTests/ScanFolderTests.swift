import Foundation
import LibraryScan
import ScanFormat
import Testing

struct ScanFolderTests {
    func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scanfolder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func line(_ preset: String, _ frame: Int) -> FramesIndexLine {
        FramesIndexLine(preset: preset, presetId: "id", frame: frame, capture: 0, file: "frames/\(preset)-\(frame)",
                        avgLuma: 0.1, coverage: 0.1, motion: nil, sha1: "s")
    }

    @Test func resumeRepairCutsTornLinesAndUncommittedFrames() throws {
        let folder = ScanFolder(try temporaryFolder())
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        let done = RunManifestEntry(path: "a.milk", status: .ok, tier: .strict)
        let journal = try ScanJSON.line(done) + "\n" + "{\"path\":\"b.mi"
        try Data(journal.utf8).write(to: URL(fileURLWithPath: folder.journal))
        var index = ""
        for frame in [line("a.milk", 60), line("a.milk", 90), line("b.milk", 60), line("a.milk", 60)] {
            index += try ScanJSON.line(frame) + "\n"
        }
        index += "{\"avgLu"
        try Data(index.utf8).write(to: URL(fileURLWithPath: folder.index))

        let committed = try folder.repairJournal()
        #expect(Array(committed.keys) == ["a.milk"])
        #expect(String(decoding: FileManager.default.contents(atPath: folder.journal) ?? Data(), as: UTF8.self).hasSuffix("}\n"))
        let kept = try folder.repairIndex(committed: Set(committed.keys))
        #expect(kept == [line("a.milk", 60), line("a.milk", 90)])
        let reread = try ScanJSON.lines(FramesIndexLine.self, from: FileManager.default.contents(atPath: folder.index) ?? Data())
        #expect(reread == kept)
    }

    @Test func appendWritesWholeLinesAndDurableWriteReplaces() throws {
        let path = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try AppendLog(path: path + "/log.jsonl")
        try log.append(["{\"a\":1}", "{\"b\":2}"])
        try log.append(["{\"c\":3}"])
        #expect(FileManager.default.contents(atPath: path + "/log.jsonl") == Data("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n".utf8))
        try DurableFile.write(Data("one".utf8), to: path + "/sub/file")
        try DurableFile.write(Data("two".utf8), to: path + "/sub/file")
        #expect(FileManager.default.contents(atPath: path + "/sub/file") == Data("two".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: path + "/sub") == ["file"])
    }

    @Test func badJournalInTheMiddleIsOneClearError() throws {
        let folder = ScanFolder(try temporaryFolder())
        defer { try? FileManager.default.removeItem(atPath: folder.path) }
        try Data("{oops}\n{}\n".utf8).write(to: URL(fileURLWithPath: folder.journal))
        #expect(throws: LibraryScanError.badScanFile(path: folder.journal, reason: "line 1: not valid JSON")) {
            try folder.repairJournal()
        }
    }
}
