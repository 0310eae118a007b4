import Dispatch
import Foundation
import ShaderTranslation
import Testing
@testable import MilkRenderer

/// Preparing presets off the render thread: real presets, broken files, the cache, and a caller that never waits.
struct PresetPreparerTests {
    static let corpus = "/usr/share/projectM/presets"
    /// A Debian MD2 preset with both shaders; it declares `sampler_fw_lichen` but never samples it.
    static let atomSmasher = corpus + "/presets_bltc201/Benski - Atom Smasher.milk"
    /// A Debian MD2 preset sampling a user texture, `cells`, which Debian ships beside it as `cells.jpg`.
    static let novaSunrise = corpus + "/presets_tryptonaut/ORB - Nova Sunrise.milk"
    /// A Debian MD2 preset sampling `pic`, which a `#define` turns into `prayerwheel` (shipped beside it).
    static let techSupport = corpus + "/presets_tryptonaut/suksma - tech support for the dead.milk"
    static var hasPreset: Bool {
        [atomSmasher, novaSunrise, techSupport].allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("aivj-preparer-\(UUID().uuidString)")
    }

    /// Polls like a render loop (a millisecond between frames) until a delivery arrives; gives up after a minute
    /// so a broken worker fails the test instead of hanging it.
    static func waitForDelivery(_ preparer: PresetPreparer) -> PresetPreparer.Delivery? {
        for _ in 0..<60_000 {
            if let delivery = preparer.poll() { return delivery }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return nil
    }

    @Test(.enabled(if: hasPreset, "needs Debian's projectM presets"))
    func realPresetArrivesPrepared() throws {
        let cacheDirectory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let preparer = PresetPreparer(settings: PreparationSettings(seed: 3, cache: ShaderCache(directory: cacheDirectory)))
        let ticket = preparer.request(Self.atomSmasher)
        let delivery = try #require(Self.waitForDelivery(preparer))
        #expect(delivery.ticket == ticket && delivery.path == Self.atomSmasher)
        let prepared = try delivery.outcome.get()
        #expect(prepared.preset.name == "Benski - Atom Smasher")
        #expect(try prepared.warp?.get().stage == .warp)
        #expect(try prepared.comp?.get().stage == .comp)
        // Like D3DX's constant table, only samplers the code reads count: the unused lichen is not loaded.
        #expect(prepared.textures.isEmpty && !prepared.warnings.contains { $0.contains("lichen") })
        #expect(prepared.timing.translatedShaders == 2 && prepared.timing.cachedShaders == 0)
        #expect(preparer.pending == 0)
    }

    @Test(.enabled(if: hasPreset, "needs Debian's projectM presets"))
    func userTexturesAreDecodedOrNeutralWithAWarning() throws {
        let cacheDirectory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let settings = PreparationSettings(cache: ShaderCache(directory: cacheDirectory))
        let found = try PreparedPreset.prepare(path: Self.novaSunrise, settings: settings)
        #expect(found.textures.map(\.sampler) == ["sampler_cells"])
        let cells = try #require(found.textures.first)
        #expect(cells.path?.hasSuffix("/presets_tryptonaut/cells.jpg") == true && cells.image.width > 1)
        let renamed = try PreparedPreset.prepare(path: Self.techSupport, settings: settings)
        #expect(renamed.textures.map(\.sampler) == ["sampler_prayerwheel"] && renamed.textures.first?.isNeutral == false)

        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let preset = folder.appendingPathComponent("lonely.milk")
        try Data("[preset00]\ncomp_1=`sampler sampler_nosuch;\ncomp_2=`shader_body { ret = tex2D(sampler_nosuch, uv).xyz; }\n".utf8)
            .write(to: preset)
        let missing = try PreparedPreset.prepare(path: preset.path, settings: settings)
        #expect(missing.textures.map(\.sampler) == ["sampler_nosuch"] && missing.textures.first?.isNeutral == true)
        #expect(missing.warnings == ["lonely.milk: texture 'nosuch' (sampler_nosuch) not found beside the preset or in the library's other folders; using neutral grey"])
    }

    @Test func brokenFileComesBackAsAnErrorValue() throws {
        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.milk").path
        try Data().write(to: URL(fileURLWithPath: empty))
        let missing = folder.appendingPathComponent("missing.milk").path
        let preparer = PresetPreparer(settings: PreparationSettings(cache: ShaderCache(directory: folder.appendingPathComponent("cache"))))
        preparer.request(empty)
        preparer.request(missing)
        for path in [empty, missing] {
            let delivery = try #require(Self.waitForDelivery(preparer))
            #expect(delivery.path == path, "deliveries come in request order")
            guard case let .failure(error) = delivery.outcome else {
                Issue.record("\(path) prepared without error")
                continue
            }
            let line = "\(error)"
            #expect(line.hasPrefix(path + ": cannot prepare preset: ") && !line.contains("\n"), "\(line)")
        }
    }

    @Test func pollAnswersAtOnceWhilePreparationIsHeldUp() throws {
        let folder = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let preset = folder.appendingPathComponent("tiny.milk").path
        try Data("[preset00]\nzoom=1.01\ncomp_1=`shader_body { ret = tex2D(sampler_main, uv).xyz; }\n".utf8)
            .write(to: URL(fileURLWithPath: preset))
        // The translator waits for the gate: until the test opens it, the preparation cannot finish.
        let gate = DispatchSemaphore(value: 0)
        let cache = ShaderCache(directory: folder.appendingPathComponent("cache")) { text, stage in
            gate.wait()
            gate.signal()
            return try ShaderTranslator.translate(text, stage: stage)
        }
        let preparer = PresetPreparer(settings: PreparationSettings(cache: cache))
        preparer.request(preset)
        for _ in 0..<1000 { #expect(preparer.poll() == nil) }
        #expect(preparer.pending == 1)
        gate.signal()
        let delivery = try #require(Self.waitForDelivery(preparer))
        let prepared = try delivery.outcome.get()
        #expect(prepared.warp == nil)
        #expect(try prepared.comp?.get().body == "    ret = texture(sampler_main, uv).xyz;")
    }

    @Test(.enabled(if: hasPreset, "needs Debian's projectM presets"))
    func secondPreparationReadsTheShaderCache() throws {
        let cacheDirectory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        let settings = PreparationSettings(cache: ShaderCache(directory: cacheDirectory), loadTextures: false)
        let first = try PreparedPreset.prepare(path: Self.atomSmasher, settings: settings)
        let second = try PreparedPreset.prepare(path: Self.atomSmasher, settings: settings)
        #expect(first.timing.translatedShaders == 2)
        #expect(second.timing.cachedShaders == 2 && second.timing.translatedShaders == 0)
        #expect(try second.comp?.get() == first.comp?.get())
        #expect(second.textures.isEmpty)
    }
}
