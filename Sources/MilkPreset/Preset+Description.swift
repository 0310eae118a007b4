import Foundation

extension Preset {
    /// The preset as readable text for `aivj preset show`: header and reading notes, base values, enabled waves and
    /// shapes, code blocks, shaders and extra entries.
    public func readableDescription() -> String {
        var out: [String] = ["preset: \(name)"]
        out.append("version: \(header.version)  warp shader model: \(header.warpShaderModel)  comp shader model: \(header.compShaderModel)")
        out.append("encoding: \(notes.encoding.rawValue)\(notes.hadByteOrderMark ? " (BOM)" : "")  section line: \(notes.hadSectionHeader ? "yes" : "no")  NUL bytes: \(notes.nulBytes)  repeated keys: \(notes.repeatedKeys)  ignored lines: \(notes.ignoredLines)")
        out.append("")
        out.append("[base]")
        for field in BaseValues.fields { out.append("  \(field.key) = \(field.text(of: base))") }
        for (i, wave) in waves.enumerated() where wave.enabled || !(wave.initCode + wave.perFrameCode + wave.perPointCode).isEmpty {
            out.append("")
            out.append("[wave \(i)]\(wave.enabled ? "" : " (disabled)")")
            for field in CustomWave.fields { out.append("  \(field.key) = \(field.text(of: wave))") }
        }
        for (i, shape) in shapes.enumerated() where shape.enabled || !(shape.initCode + shape.perFrameCode).isEmpty {
            out.append("")
            out.append("[shape \(i)]\(shape.enabled ? "" : " (disabled)")")
            for field in CustomShape.fields { out.append("  \(field.key) = \(field.text(of: shape))") }
        }
        for block in codeBlocks {
            out.append("")
            out.append("[\(block.kind.name)] \(block.lines.count) lines")
            for line in block.lines { out.append("  \(line)") }
        }
        for (title, lines) in [("warp shader", warpShader), ("comp shader", compShader)] where !lines.isEmpty {
            out.append("")
            out.append("[\(title)] \(lines.count) lines")
            for line in lines { out.append("  \(line)") }
        }
        if !extraEntries.isEmpty {
            out.append("")
            out.append("[extra entries] \(extraEntries.count)")
            for entry in extraEntries { out.append("  \(entry.key)=\(entry.value)") }
        }
        return out.joined(separator: "\n")
    }

    /// The preset as pretty-printed JSON with sorted keys.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
