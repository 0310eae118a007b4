import Foundation

/// The result of reading many preset files: counts and every failure with its reason.
public struct PresetCheckReport: Sendable, Codable, Equatable {
    /// One file that failed to read, or read but did not survive a write and re-read unchanged; `reason` does not
    /// repeat the file name.
    public struct Failure: Sendable, Codable, Equatable {
        public var file: String
        public var reason: String
    }

    public var files = 0
    public var parsed = 0
    public var failed = 0
    public var roundtripOK = 0
    public var withShaders = 0
    public var nonUTF8 = 0
    public var failures: [Failure] = []

    enum CodingKeys: String, CodingKey {
        case files, parsed, failed, roundtripOK = "roundtrip_ok", withShaders = "with_shaders", nonUTF8 = "non_utf8", failures
    }

    public init() {}

    /// The summary line `aivj preset check` ends with (counts only).
    public var summaryJSON: String {
        "{\"files\":\(files),\"parsed\":\(parsed),\"failed\":\(failed),\"roundtrip_ok\":\(roundtripOK),"
            + "\"with_shaders\":\(withShaders),\"non_utf8\":\(nonUTF8)}"
    }
}

/// Reads preset files and checks that each survives writing and reading back.
public enum PresetCheck {
    /// Checks every file in `files`.
    public static func run(_ files: [URL]) -> PresetCheckReport {
        var report = PresetCheckReport()
        for url in files {
            report.files += 1
            do {
                let preset = try Preset(contentsOf: url)
                report.parsed += 1
                if preset.hasWarpShader || preset.hasCompShader { report.withShaders += 1 }
                if preset.notes.encoding != .utf8 { report.nonUTF8 += 1 }
                if let problem = roundTripProblem(preset) {
                    report.failures.append(.init(file: url.path, reason: "round trip: \(problem)"))
                } else {
                    report.roundtripOK += 1
                }
            } catch {
                report.failed += 1
                let text = "\(error)"
                let reason = text.hasPrefix(url.path + ": ") ? String(text.dropFirst(url.path.count + 2)) : text
                report.failures.append(.init(file: url.path, reason: reason))
            }
        }
        return report
    }

    /// Nil when writing `preset` and reading it back gives an equal preset; otherwise what differs.
    public static func roundTripProblem(_ preset: Preset) -> String? {
        let again: Preset
        do {
            again = try Preset(text: preset.milkText(), name: preset.name)
        } catch {
            return "written text does not read back (\(error))"
        }
        if again == preset { return nil }
        var parts: [String] = []
        if again.header != preset.header { parts.append("header") }
        if again.base != preset.base { parts.append("base values") }
        if again.waves != preset.waves { parts.append("waves") }
        if again.shapes != preset.shapes { parts.append("shapes") }
        if again.perFrameInitCode != preset.perFrameInitCode || again.perFrameCode != preset.perFrameCode
            || again.perPixelCode != preset.perPixelCode { parts.append("code") }
        if again.warpShader != preset.warpShader || again.compShader != preset.compShader { parts.append("shaders") }
        if again.extraEntries != preset.extraEntries { parts.append("extra entries") }
        return "differs in " + (parts.isEmpty ? "name" : parts.joined(separator: ", "))
    }
}
