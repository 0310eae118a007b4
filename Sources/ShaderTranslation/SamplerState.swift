/// A `sampler_state { … }` block as a preset wrote it: `MinFilter = LINEAR; AddressU = CLAMP; …`.
///
/// MilkDrop compiles shaders with `D3DXCompileShader`, which parses these blocks and applies nothing (only the Effects
/// framework would); the filtering and wrapping MilkDrop uses come from the sampler's name prefix
/// (`ShaderSampler.bilinear`/`wrap`). The block is reported so a renderer may log or honour it deliberately.
public struct SamplerState: Sendable, Equatable, Codable {
    /// Each `Key = value;` with the key lower-cased and the value's tokens joined as written.
    public var entries: [String: String]

    public init(entries: [String: String] = [:]) { self.entries = entries }

    /// Bilinear (LINEAR, ANISOTROPIC …) or point (POINT, NONE) filtering, if `Filter`/`MinFilter`/`MagFilter` says.
    public var bilinear: Bool? {
        for key in ["magfilter", "minfilter", "filter"] {
            guard let value = entries[key]?.uppercased() else { continue }
            if value.contains("POINT") || value.contains("NONE") { return false }
            if value.contains("LINEAR") || value.contains("ANISOTROPIC") { return true }
        }
        return nil
    }

    /// Repeating (WRAP) or clamped (CLAMP, BORDER, MIRRORONCE …) addressing, if `AddressU` or `AddressV` says.
    public var wrap: Bool? {
        for key in ["addressu", "addressv"] {
            guard let value = entries[key]?.uppercased() else { continue }
            return value.contains("WRAP")
        }
        return nil
    }
}

extension ShaderSampler {
    /// A sampler with MilkDrop's filtering and wrapping for its name, and the `sampler_state` block it declared.
    static func milkDrop(name: String, glslName: String, isVolume: Bool, declaredState: SamplerState?) -> ShaderSampler {
        let (bilinear, wrap) = milkDropModes(name)
        return ShaderSampler(name: name, glslName: glslName, isVolume: isVolume, bilinear: bilinear, wrap: wrap,
                             declaredState: declaredState)
    }

    /// MilkDrop's (bilinear, wrap) for a sampler name (`CShaderParams::CacheParams`): an `XY_` prefix after `sampler_`
    /// (`FW FC PW PC` and reverses, any case) decides; without one, bilinear and wrap, except the blur textures, which
    /// clamp.
    public static func milkDropModes(_ name: String) -> (bilinear: Bool, wrap: Bool) {
        let root = Array(name.hasPrefix("sampler_") ? name.dropFirst(8) : Substring(name))
        if root.count > 3, root[2] == "_" {
            switch String(root[0...1]).uppercased() {
            case "FW", "WF": return (true, true)
            case "FC", "CF": return (true, false)
            case "PW", "WP": return (false, true)
            case "PC", "CP": return (false, false)
            default: break
            }
        }
        let texture = root.count > 3 && root[2] == "_" ? String(root[3...]) : String(root)
        return ["blur1", "blur2", "blur3"].contains(texture) ? (true, false) : (true, true)
    }
}

extension Parser {
    /// `sampler_state { Key = value; … }` after the `=`, with `sampler_state` already consumed.
    mutating func parseSamplerState() throws -> SamplerState {
        try expect("{")
        var state = SamplerState()
        while !accept("}") {
            guard current.kind != .end else { throw syntax("unclosed '{'") }
            if accept(";") { continue }
            let key = try identifier().lowercased()
            try expect("=")
            var value: [String] = []
            while !current.isPunct(";"), !current.isPunct("}") {
                guard current.kind != .end else { throw syntax("unclosed '{'") }
                value.append(advance().text)
            }
            state.entries[key] = value.joined()
        }
        return state
    }
}
