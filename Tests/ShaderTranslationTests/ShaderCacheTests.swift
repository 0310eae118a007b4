import Foundation
import Synchronization
import Testing
@testable import ShaderTranslation

/// The disk cache of translations: hits, misses, corrupt entries and keys.
struct ShaderCacheTests {
    static let shader = "shader_body { ret = tex2D(sampler_main, uv).xyz * 0.5; }"

    /// A fresh empty cache folder, removed by the caller.
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("aivj-shadercache-\(UUID().uuidString)")
    }

    /// How many times a translator ran.
    final class Counter: Sendable {
        let runs = Mutex(0)
        var value: Int { runs.withLock { $0 } }
    }

    /// A cache whose translator counts its runs.
    static func countingCache(_ directory: URL, _ count: Counter) -> ShaderCache {
        ShaderCache(directory: directory) { text, stage in
            count.runs.withLock { $0 += 1 }
            return try ShaderTranslator.translate(text, stage: stage)
        }
    }

    @Test func secondCallIsServedFromTheCache() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = Counter()
        let cache = Self.countingCache(directory, count)
        let first = cache.lookup(Self.shader, stage: .comp)
        let second = cache.lookup(Self.shader, stage: .comp)
        #expect(!first.fromCache && second.fromCache)
        #expect(count.value == 1)
        #expect(try second.get() == ShaderTranslator.translate(Self.shader, stage: .comp))
        // A new cache value over the same folder (a later run) hits too.
        #expect(Self.countingCache(directory, count).lookup(Self.shader, stage: .comp).fromCache)
        #expect(count.value == 1)
    }

    @Test func failuresAreCachedAsErrors() {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = Counter()
        let cache = Self.countingCache(directory, count)
        for _ in 0..<2 {
            #expect(throws: ShaderTranslationError.missingShaderBody) { try cache.translate("float x;", stage: .warp) }
        }
        #expect(count.value == 1)
    }

    @Test func corruptEntryIsIgnoredAndRewritten() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = Counter()
        let cache = Self.countingCache(directory, count)
        _ = cache.lookup(Self.shader, stage: .warp)
        let file = cache.entryURL(Self.shader, stage: .warp)
        try Data("{\"version\": 2, \"stage\": \"wa".utf8).write(to: file)
        let recovered = cache.lookup(Self.shader, stage: .warp)
        #expect(!recovered.fromCache)
        #expect(try recovered.get().stage == .warp)
        #expect(cache.lookup(Self.shader, stage: .warp).fromCache, "the entry was rewritten")
        #expect(count.value == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func entryForAnotherTextIsAMiss() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let count = Counter()
        let cache = Self.countingCache(directory, count)
        _ = cache.lookup(Self.shader, stage: .comp)
        // Simulate a key collision: another text's entry sitting under this text's key.
        let other = "shader_body { ret = 1; }"
        try FileManager.default.copyItem(at: cache.entryURL(Self.shader, stage: .comp), to: cache.entryURL(other, stage: .comp))
        let result = cache.lookup(other, stage: .comp)
        #expect(!result.fromCache)
        #expect(try result.get().body == "    ret = vec3(1.0);")
    }

    @Test func keysDependOnTextAndStage() {
        let a = ShaderCache.key(Self.shader, stage: .comp)
        #expect(a.count == 32 && a.allSatisfy(\.isHexDigit))
        #expect(a == ShaderCache.key(Self.shader, stage: .comp))
        #expect(a != ShaderCache.key(Self.shader + " ", stage: .comp))
        #expect(a != ShaderCache.key(Self.shader, stage: .warp))
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(ShaderCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).path
                == "/x/cache/aivj/shaders")
        #expect(ShaderCache.defaultDirectory(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/aivj/shaders")
        #expect(ShaderCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path
                == "/home/u/.cache/aivj/shaders")
    }

    @Test func translatedShadersRoundTripThroughJSON() throws {
        let shader = try ShaderTranslator.translate("sampler sampler_rand00;\nshader_body { q1 = 2; ret = tex2D(sampler_rand00, uv).xyz * q1; }", stage: .comp)
        let decoded = try JSONDecoder().decode(TranslatedShader.self, from: JSONEncoder().encode(shader))
        #expect(decoded == shader)
    }
}
