/// A texture a preset's shaders sample from disk: `sampler_NAME`, read the way MilkDrop 2 resolves it.
///
/// MilkDrop removes `sampler_`, then any two-character prefix followed by `_` (`fw_`, `fc_`, `pw_`, `pc_` and their
/// reverses choose filtering and wrapping); what is left names an image file (`NAME.jpg`, `.dds`, `.png`, `.tga`,
/// `.bmp`, `.dib`, in that order), except the built-in textures (`main`, `blur1`…`blur3`, the noise textures).
/// `randNN` and `randNN_prefix` (NN in 00…15) ask for a random image (whose name starts with the prefix).
public struct TextureReference: Sendable, Hashable, Codable {
    /// The sampler's name in the shader, e.g. `sampler_fw_clouds`.
    public var sampler: String
    /// The file name root, e.g. `clouds`; for random picks the prefix (possibly empty).
    public var name: String
    /// For `randNN` samplers, the slot number NN.
    public var randomSlot: Int?

    /// Textures MilkDrop provides itself; the names are compared as MilkDrop does (case-sensitively).
    public static let builtInNames: Set<String> = [
        "main", "blur1", "blur2", "blur3",
        "noise_lq", "noise_lq_lite", "noise_mq", "noise_hq", "noisevol_lq", "noisevol_hq",
    ]

    /// Image extensions MilkDrop tries, in order.
    public static let imageExtensions = ["jpg", "dds", "png", "tga", "bmp", "dib"]

    /// The disk textures sampled by `shaderText` (sorted by sampler name, each once), built-ins left out.
    public static func references(in shaderText: String) -> [TextureReference] {
        var samplers = Set<String>()
        let bytes = Array(shaderText.utf8)
        let marker = Array("sampler_".utf8)
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0], Array(bytes[i..<(i + marker.count)]) == marker, i == 0 || !isIdentifier(bytes[i - 1]) {
                var end = i + marker.count
                while end < bytes.count, isIdentifier(bytes[end]) { end += 1 }
                samplers.insert(String(decoding: bytes[i..<end], as: UTF8.self))
                i = end
            } else {
                i += 1
            }
        }
        return samplers.sorted().compactMap(TextureReference.init(sampler:))
    }

    /// The reference for one sampler name, or nil for built-ins, `sampler_state` and empty names.
    public init?(sampler: String) {
        guard sampler != "sampler_state" else { return nil }
        var root = sampler.hasPrefix("sampler_") ? String(sampler.dropFirst(8)) : sampler
        let chars = Array(root.utf8)
        if chars.count > 3, chars[2] == UInt8(ascii: "_") { root = String(decoding: chars[3...], as: UTF8.self) }
        guard !root.isEmpty, !Self.builtInNames.contains(root) else { return nil }
        self.sampler = sampler
        let rootBytes = Array(root.utf8)
        if root.hasPrefix("rand"), rootBytes.count >= 6, Self.isDigit(rootBytes[4]), Self.isDigit(rootBytes[5]),
           rootBytes.count == 6 || rootBytes[6] == UInt8(ascii: "_"),
           let slot = Int(String(decoding: rootBytes[4..<6], as: UTF8.self)), slot <= 15 {
            randomSlot = slot
            name = rootBytes.count > 7 ? String(decoding: rootBytes[7...], as: UTF8.self) : ""
        } else {
            randomSlot = nil
            name = root
        }
    }

    /// The image file in `fileNames` (one folder's listing) this reference loads: for a named texture the first
    /// extension that exists, for a random pick the first image whose name starts with the prefix; names are
    /// compared case-insensitively, as on MilkDrop's Windows file systems. Nil when none.
    public func match(in fileNames: [String]) -> String? {
        let lowered = fileNames.sorted().map { ($0, $0.lowercased()) }
        let root = name.lowercased()
        if randomSlot != nil {
            return lowered.first { _, lower in
                lower.hasPrefix(root) && Self.imageExtensions.contains { lower.hasSuffix("." + $0) }
            }?.0
        }
        for ext in Self.imageExtensions {
            if let hit = lowered.first(where: { $0.1 == root + "." + ext }) { return hit.0 }
        }
        return nil
    }

    private static func isIdentifier(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
