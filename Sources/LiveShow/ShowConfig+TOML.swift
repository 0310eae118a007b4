import Selection
import TOMLKit

extension ShowConfig {
    /// The config as the TOML `config.toml` holds, with a comment per key (written whole on every save).
    public var toml: String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        func number(_ value: Double) -> String {
            let text = "\(value)"
            return text.contains(".") || text.contains("e") ? text : text + ".0"
        }
        var lines = ["# aivj live settings. Command-line flags override them; live keys change them and save here.", ""]
        lines.append("# Pair pack folder and the preset library its paths are relative to (empty: the defaults).")
        lines.append("pack = \(quoted(pack ?? ""))")
        lines.append("library = \(quoted(library ?? ""))")
        lines.append("# Audio: an ALSA capture device, or a file / \"synth\" / \"silence\" in audio (which wins when set).")
        lines.append("device = \(quoted(device))")
        lines.append("audio = \(quoted(audio ?? ""))")
        lines.append("size = \(quoted("\(width)x\(height)"))")
        lines.append("fullscreen = \(fullscreen)")
        lines.append("display = \(display)")
        lines.append("hud = \(hud)")
        lines.append("# weighted or random")
        lines.append("pick_mode = \(quoted(pickMode.rawValue))")
        lines.append("# Seconds a pair plays at least (then it changes on a beat) and at most.")
        lines.append("min_dwell = \(number(minimumDwell))")
        lines.append("max_dwell = \(number(maximumDwell))")
        lines.append("")
        lines.append("[coupling]")
        lines.append("# on, off or debug; the amounts are 0…1")
        lines.append("mode = \(quoted(couplingMode))")
        lines.append("strength = \(number(strength))")
        lines.append("parallax = \(number(parallax))")
        lines.append("dof = \(number(dof))")
        lines.append("# The BG layer's internal scale 0.25…1: the depth of field blurs it, so it renders smaller (1: full size)")
        lines.append("bg_scale = \(number(bgScale))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a config from TOML text. A syntax error gives the defaults and one line naming `file`, the line
    /// and column; a bad or unknown key keeps that key's default and gives one line naming it.
    public static func parse(toml text: String, file: String) -> (config: ShowConfig, problems: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            let reason = error.description.trimmingCharacters(in: .whitespacesAndNewlines)
            return (ShowConfig(), ["\(file): line \(position.line), column \(position.column): \(reason); using the default settings"])
        } catch {
            return (ShowConfig(), ["\(file): \(error); using the default settings"])
        }
        var reader = ConfigReader(file: file)
        var config = ShowConfig()
        let topKeys: Set = ["pack", "library", "device", "audio", "size", "fullscreen", "display", "hud",
                            "pick_mode", "min_dwell", "max_dwell", "coupling"]
        for key in table.keys.sorted() where !topKeys.contains(key) {
            reader.problems.append("\(file): unknown key `\(key)` ignored")
        }
        if let text = reader.string(table, "pack") { config.pack = text.isEmpty ? nil : text }
        if let text = reader.string(table, "library") { config.library = text.isEmpty ? nil : text }
        if let text = reader.string(table, "device"), !text.isEmpty { config.device = text }
        if let text = reader.string(table, "audio") { config.audio = text.isEmpty ? nil : text }
        if let text = reader.string(table, "size") {
            if let size = try? parseShowSize(text) {
                config.width = size.width
                config.height = size.height
            } else {
                reader.problems.append("\(file): key `size`: expected WIDTHxHEIGHT (16…8192 each), got \"\(text)\"; using 1280x720")
            }
        }
        if let flag = reader.bool(table, "fullscreen") { config.fullscreen = flag }
        if let value = reader.integer(table, "display", range: 0...63) { config.display = value }
        if let flag = reader.bool(table, "hud") { config.hud = flag }
        if let text = reader.string(table, "pick_mode") {
            if let mode = PickMode(rawValue: text) {
                config.pickMode = mode
            } else {
                reader.problems.append("\(file): key `pick_mode`: expected weighted or random, got \"\(text)\"; using weighted")
            }
        }
        if let value = reader.number(table, "min_dwell", range: 0...3600) { config.minimumDwell = value }
        if let value = reader.number(table, "max_dwell", range: 0...3600) { config.maximumDwell = value }
        if config.maximumDwell < config.minimumDwell {
            reader.problems.append("\(file): max_dwell \(config.maximumDwell) is below min_dwell \(config.minimumDwell); using 12 and 40")
            config.minimumDwell = ShowConfig().minimumDwell
            config.maximumDwell = ShowConfig().maximumDwell
        }
        if let node = table["coupling"] {
            if let coupling = node.table {
                for key in coupling.keys.sorted() where !["mode", "strength", "parallax", "dof", "bg_scale"].contains(key) {
                    reader.problems.append("\(file): unknown key `coupling.\(key)` ignored")
                }
                if let text = reader.string(coupling, "mode", prefix: "coupling.") {
                    if couplingModes.contains(text) {
                        config.couplingMode = text
                    } else {
                        reader.problems.append("\(file): key `coupling.mode`: expected on, off or debug, got \"\(text)\"; using on")
                    }
                }
                if let value = reader.number(coupling, "strength", range: 0...1, prefix: "coupling.") { config.strength = value }
                if let value = reader.number(coupling, "parallax", range: 0...1, prefix: "coupling.") { config.parallax = value }
                if let value = reader.number(coupling, "dof", range: 0...1, prefix: "coupling.") { config.dof = value }
                if let value = reader.number(coupling, "bg_scale", range: 0.25...1, prefix: "coupling.") { config.bgScale = value }
            } else {
                reader.problems.append("\(file): key `coupling` must be a table ([coupling]); using the default coupling")
            }
        }
        return (config, reader.problems)
    }
}

/// Reads typed keys from a TOML table, noting each wrong type or range as one line.
private struct ConfigReader {
    let file: String
    var problems: [String] = []

    init(file: String) { self.file = file }

    mutating func string(_ table: TOMLTable, _ key: String, prefix: String = "") -> String? {
        guard let node = table[key] else { return nil }
        if let text = node.string { return text }
        problems.append("\(file): key `\(prefix)\(key)` must be a string, got \(node.debugDescription); using the default")
        return nil
    }

    mutating func bool(_ table: TOMLTable, _ key: String) -> Bool? {
        guard let node = table[key] else { return nil }
        if let flag = node.bool { return flag }
        problems.append("\(file): key `\(key)` must be true or false, got \(node.debugDescription); using the default")
        return nil
    }

    mutating func integer(_ table: TOMLTable, _ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = table[key] else { return nil }
        if let value = node.int, range.contains(value) { return value }
        problems.append("\(file): key `\(key)` must be a whole number \(range.lowerBound)…\(range.upperBound), got \(node.debugDescription); using the default")
        return nil
    }

    mutating func number(_ table: TOMLTable, _ key: String, range: ClosedRange<Double>, prefix: String = "") -> Double? {
        guard let node = table[key] else { return nil }
        let value = node.double ?? node.int.map(Double.init)
        if let value, value.isFinite, range.contains(value) { return value }
        problems.append("\(file): key `\(prefix)\(key)` must be a number \(range.lowerBound)…\(range.upperBound), got \(node.debugDescription); using the default")
        return nil
    }
}
