import Foundation

extension Preset {
    /// The preset as `.milk` text: header, `[preset00]`, then every key in the order MilkDrop 2's `CState::Import`
    /// reads them (general and wave values, custom waves, custom shapes, motion values, code, shaders), then the
    /// extra entries in their original order. LF line ends. Writing in read order means each of MilkDrop's lookups
    /// finds its line right after the previous one, so no extra entry can be read in its place.
    ///
    /// Reading the text back gives an equal preset (`Preset(text: p.milkText(), name: p.name) == p`).
    public func milkText() -> String {
        var out: [String] = []
        // A key the reader used must be written whenever a later repeat of it is among the extra entries, or the
        // repeat would be read in its place; an empty value reads as "no number", as the unreadable original did.
        let repeated = Set(extraEntries.map { PresetEntries.lowercased($0.key) })
        for (key, value) in [
            ("MILKDROP_PRESET_VERSION", header.milkdropPresetVersion), ("PSVERSION", header.psVersion),
            ("PSVERSION_WARP", header.psVersionWarp), ("PSVERSION_COMP", header.psVersionComp),
        ] where value != nil || repeated.contains(PresetEntries.lowercased(key)) {
            out.append("\(key)=\(value.map(String.init) ?? "")")
        }
        out.append("[preset00]")
        for field in BaseValues.leadingFields {
            if field.key == "mv_a", repeated.contains(PresetEntries.lowercased(BaseValues.legacyMotionVectorsKey)) {
                // mv_a, written next, decides; this only shadows the repeat.
                out.append("\(BaseValues.legacyMotionVectorsKey)=\(base.mvA != 0 ? 1 : 0)")
            }
            out.append("\(field.key)=\(field.text(of: base))")
        }
        for (i, wave) in waves.enumerated() {
            for field in CustomWave.fields { out.append("wavecode_\(i)_\(field.key)=\(field.text(of: wave))") }
            Self.appendCode(wave.initCode, CodeBlockKind.waveInit(i).keyPrefix, to: &out)
            Self.appendCode(wave.perFrameCode, CodeBlockKind.wavePerFrame(i).keyPrefix, to: &out)
            Self.appendCode(wave.perPointCode, CodeBlockKind.wavePerPoint(i).keyPrefix, to: &out)
        }
        for (i, shape) in shapes.enumerated() {
            for field in CustomShape.fields { out.append("shapecode_\(i)_\(field.key)=\(field.text(of: shape))") }
            Self.appendCode(shape.initCode, CodeBlockKind.shapeInit(i).keyPrefix, to: &out)
            Self.appendCode(shape.perFrameCode, CodeBlockKind.shapePerFrame(i).keyPrefix, to: &out)
        }
        for field in BaseValues.motionFields { out.append("\(field.key)=\(field.text(of: base))") }
        Self.appendCode(perFrameInitCode, CodeBlockKind.perFrameInit.keyPrefix, to: &out)
        Self.appendCode(perFrameCode, CodeBlockKind.perFrame.keyPrefix, to: &out)
        Self.appendCode(perPixelCode, CodeBlockKind.perPixel.keyPrefix, to: &out)
        Self.appendCode(warpShader, "warp_", backtick: true, to: &out)
        Self.appendCode(compShader, "comp_", backtick: true, to: &out)
        for entry in extraEntries { out.append("\(entry.key)=\(entry.value)") }
        return out.joined(separator: "\n") + "\n"
    }

    /// The `.milk` file bytes: UTF-8, or Windows-1252 when the preset was read from such a file and every character
    /// still fits it (so an old preset keeps its bytes).
    public func milkData() -> Data {
        let text = milkText()
        if notes.encoding == .windows1252, let bytes = Windows1252.encode(text) { return Data(bytes) }
        return Data(text.utf8)
    }

    /// Appends numbered code lines. Reading removes one leading backtick, so one is added to shader lines (as
    /// MilkDrop writes them) and to any code line that itself starts with a backtick.
    private static func appendCode(_ lines: [String], _ prefix: String, backtick: Bool = false, to out: inout [String]) {
        for (index, line) in lines.enumerated() {
            let mark = backtick || line.hasPrefix("`") ? "`" : ""
            out.append("\(prefix)\(index + 1)=\(mark)\(line)")
        }
    }
}
