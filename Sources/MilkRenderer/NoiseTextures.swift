import CGL
import Determinism
import GraphicsCore

/// MilkDrop 2's noise textures, generated as its `AddNoiseTex` / `AddNoiseVol` do but from a fixed seed.
///
/// Each texel is four random bytes in 128…383 (`rand() % 256 + 128`, or 108…323 with 216 when smoothed) packed
/// into an A8R8G8B8 word by OR, so a value above 255 spills a bit into the next channel as in MilkDrop; each row is
/// then shuffled, and the `mq`/`hq` kinds are cubic-interpolated between every `zoom`-th texel.
enum NoiseImage {
    /// One noise texture: its name, edge length, zoom, and whether it is a volume.
    typealias Kind = (name: String, size: Int, zoom: Int, volume: Bool)

    /// MilkDrop's six noise textures.
    static let kinds: [Kind] = [
        ("noise_lq", 256, 1, false), ("noise_lq_lite", 32, 1, false), ("noise_mq", 256, 4, false),
        ("noise_hq", 256, 8, false), ("noisevol_lq", 32, 1, true), ("noisevol_hq", 32, 4, true),
    ]

    /// The texels as RGBA bytes, x fastest, then y (then z for volumes).
    static func rgba(size: Int, zoom: Int, volume: Bool, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        let depth = volume ? size : 1
        let range: UInt64 = zoom > 1 ? 216 : 256
        var words = [UInt32](repeating: 0, count: size * size * depth)
        for row in 0..<(size * depth) {
            let start = row * size
            for x in 0..<size {
                var word: UInt32 = 0
                for shift in [24, 16, 8, 0] as [UInt32] {
                    word |= UInt32(random.next() % range + range / 2) << shift
                }
                words[start + x] = word
            }
            for _ in 0..<size {
                let a = start + Int(random.next() % UInt64(size)), b = start + Int(random.next() % UInt64(size))
                words.swapAt(a, b)
            }
        }
        if zoom > 1 { smooth(&words, size: size, zoom: zoom, volume: volume) }
        var bytes = [UInt8](repeating: 0, count: words.count * 4)
        for (index, word) in words.enumerated() {
            bytes[index * 4] = UInt8((word >> 16) & 0xFF)
            bytes[index * 4 + 1] = UInt8((word >> 8) & 0xFF)
            bytes[index * 4 + 2] = UInt8(word & 0xFF)
            bytes[index * 4 + 3] = UInt8(word >> 24)
        }
        return bytes
    }

    /// Cubic interpolation along x on the key rows, then y on the key slices, then z everywhere, as MilkDrop does.
    private static func smooth(_ words: inout [UInt32], size: Int, zoom: Int, volume: Bool) {
        let line = size, slice = size * size
        let depth = volume ? size : 1
        func interpolate(_ index: (Int) -> Int, _ position: Int) -> UInt32 {
            let base = (position / zoom) * zoom + size
            let t = Float(position % zoom) / Float(zoom)
            return cubic(words[index((base - zoom) % size)], words[index(base % size)],
                         words[index((base + zoom) % size)], words[index((base + zoom * 2) % size)], t)
        }
        for z in stride(from: 0, to: depth, by: zoom) {
            for y in stride(from: 0, to: size, by: zoom) {
                for x in 0..<size where x % zoom != 0 {
                    words[z * slice + y * line + x] = interpolate({ z * slice + y * line + $0 }, x)
                }
            }
        }
        for z in stride(from: 0, to: depth, by: zoom) {
            for x in 0..<size {
                for y in 0..<size where y % zoom != 0 {
                    words[z * slice + y * line + x] = interpolate({ z * slice + $0 * line + x }, y)
                }
            }
        }
        guard volume else { return }
        for x in 0..<size {
            for y in 0..<size {
                for z in 0..<size where z % zoom != 0 {
                    words[z * slice + y * line + x] = interpolate({ $0 * slice + y * line + x }, z)
                }
            }
        }
    }

    /// MilkDrop's `dwCubicInterpolate`: per byte, clamped to 0…1, truncated back to a byte.
    static func cubic(_ y0: UInt32, _ y1: UInt32, _ y2: UInt32, _ y3: UInt32, _ t: Float) -> UInt32 {
        var result: UInt32 = 0
        for shift in stride(from: UInt32(0), to: 32, by: 8) {
            func channel(_ word: UInt32) -> Float { Float((word >> shift) & 0xFF) / 255 }
            let p0 = channel(y0), p1 = channel(y1), p2 = channel(y2), p3 = channel(y3)
            let a0 = p3 - p2 - p0 + p1
            let a1 = p0 - p1 - a0
            let a2 = p2 - p0
            let value = a0 * t * t * t + a1 * t * t + a2 * t + p1
            result |= UInt32(min(max(value, 0), 1) * 255) << shift
        }
        return result
    }
}

/// The noise textures of one GL context, each made the first time a shader samples it.
extension NoiseImage {
    /// The seed every layer's noise textures use (MilkDrop's are the same in every preset too).
    static let standardSeed: UInt64 = 0x4E01_5E

    /// The six images for `standardSeed`, keyed by name: computed once per process, by whichever thread first
    /// asks (a live layer made at start-up, `MilkLayer.prepareShaderResources`), and never changed after, so
    /// every later layer only uploads them.
    static let standard: [String: [UInt8]] = Dictionary(uniqueKeysWithValues: kinds.map { kind in
        (kind.name, rgba(size: kind.size, zoom: kind.zoom, volume: kind.volume, seed: seedFor(kind, base: standardSeed)))
    })

    /// Each image's own seed, from the textures' seed and the image's size and zoom.
    static func seedFor(_ kind: Kind, base: UInt64) -> UInt64 {
        base &+ UInt64(kind.size * (kind.volume ? 37 : 31) + kind.zoom)
    }

    /// The image for `kind` from the textures' `seed`: the precomputed one for `standardSeed`.
    static func image(_ kind: Kind, seed: UInt64) -> [UInt8] {
        if seed == standardSeed, let made = standard[kind.name] { return made }
        return rgba(size: kind.size, zoom: kind.zoom, volume: kind.volume, seed: seedFor(kind, base: seed))
    }
}

final class NoiseTextures {
    private var flat: [String: Texture2D] = [:]
    private var volumes: [String: Texture3D] = [:]
    private let seed: UInt64

    init(seed: UInt64 = NoiseImage.standardSeed) { self.seed = seed }

    /// The kind of noise a texture name (after MilkDrop's `sampler_` and filter prefixes) refers to, if any.
    static func kind(named name: String) -> NoiseImage.Kind? {
        NoiseImage.kinds.first { $0.name == name }
    }

    /// The 2D noise texture `name`, made on first use.
    func texture(_ name: String) throws -> Texture2D? {
        if let made = flat[name] { return made }
        guard let kind = Self.kind(named: name), !kind.volume else { return nil }
        let texture = try Texture2D(width: kind.size, height: kind.size)
        try texture.upload(rgba: NoiseImage.image(kind, seed: seed))
        // MilkDrop creates its noise textures with D3DUSAGE_AUTOGENMIPMAP and samples them with a mip filter.
        glBindTexture(GLenum(GL_TEXTURE_2D), texture.name)
        glGenerateMipmap(GLenum(GL_TEXTURE_2D))
        glBindTexture(GLenum(GL_TEXTURE_2D), 0)
        flat[name] = texture
        return texture
    }

    /// The 3D noise texture `name`, made on first use.
    func volume(_ name: String) throws -> Texture3D? {
        if let made = volumes[name] { return made }
        guard let kind = Self.kind(named: name), kind.volume else { return nil }
        let texture = try Texture3D(width: kind.size, height: kind.size, depth: kind.size,
                                    rgba: NoiseImage.image(kind, seed: seed))
        glBindTexture(GLenum(GL_TEXTURE_3D), texture.name)
        glGenerateMipmap(GLenum(GL_TEXTURE_3D))
        glBindTexture(GLenum(GL_TEXTURE_3D), 0)
        volumes[name] = texture
        return texture
    }
}
