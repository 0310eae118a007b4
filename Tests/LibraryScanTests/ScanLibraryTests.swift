import Foundation
import LibraryScan
import ScanFormat
import Testing

struct ScanLibraryTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/LibraryScan")

    @Test func listsAFolderSortedByPath() throws {
        let library = try ScanLibrary(Self.fixtures.appendingPathComponent("library").path)
        #expect(library.items.map(\.path) == ["broken.milk", "custom-shape.milk", "sub/hang-or-crash.milk", "sub/motion-vectors.milk",
                                              "warp-zoom-rotate.milk", "wave-mode-2.milk"])
        #expect(library.items.allSatisfy { FileManager.default.fileExists(atPath: $0.file) })
    }

    @Test func aMissingFolderIsOneLine() {
        #expect(throws: LibraryScanError.noLibrary(path: "/no/such/folder")) { try ScanLibrary("/no/such/folder") }
        #expect(LibraryScanError.noLibrary(path: "/x").description == "/x: no such folder or library manifest")
    }

    @Test func aMalformedManifestIsOneLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).json")
        try Data("{\"format\": 3".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            _ = try ScanLibrary(file.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(file.path): not a library manifest: not valid JSON")
        }
    }

    @Test func reportHasGatesHistogramsAndRelativeImages() {
        var entry = RunManifestEntry(path: "a <b>.milk", status: .ok, tier: .strict, avgLuma: 0.4, motion: 0.1)
        entry.coverage = 0.5
        let summary = ScanSummary.make(entries: [entry], frames: 1, thresholds: ScanThresholds())
        let manifest = RunManifest(presets: [entry], parameters: ScanParameters(), thresholds: ScanThresholds(), summary: summary)
        let line = FramesIndexLine(preset: entry.path, presetId: "id", frame: 60, capture: 0, file: "frames/ab/k-00060.webp",
                                   avgLuma: 0.4, coverage: 0.5, motion: nil, sha1: "s")
        let html = ScanReport.html(manifest, lines: [line])
        #expect(html.contains("<svg") && html.contains("okRate") && html.contains("src=\"frames/ab/k-00060.webp\""))
        #expect(html.contains("a &lt;b&gt;.milk") && !html.contains("a <b>"))
    }
}
