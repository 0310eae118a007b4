import CALSA
import Foundation

/// A PCM that can capture, as ALSA lists it (`arecord -L`) or as PulseAudio/PipeWire exposes it.
public struct CaptureDevice: Sendable, Equatable, Codable {
    /// The name to pass to `--device` (for Pulse sources: the source name for `PULSE_SOURCE`).
    public var name: String
    public var description: String
    /// "alsa" for ALSA PCMs, "pulse" for PulseAudio/PipeWire sources listed by `pactl`.
    public var api: String
    /// True for sources that carry what is playing (monitor or loopback), not a microphone.
    public var isMonitor: Bool

    public init(name: String, description: String, api: String, isMonitor: Bool) {
        self.name = name
        self.description = description
        self.api = api
        self.isMonitor = isMonitor
    }

    /// Monitor and loopback sources by name or description.
    public static func looksLikeMonitor(name: String, description: String) -> Bool {
        let text = (name + " " + description).lowercased()
        return text.contains("monitor") || text.contains("loopback")
    }
}

/// Lists capture PCMs from ALSA's device hints (`snd_device_name_hint`).
public enum ALSADevices {
    public static func captureDevices() throws(AudioInputError) -> [CaptureDevice] {
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        let r = snd_device_name_hint(-1, "pcm", &hints)
        guard r >= 0, let hints else {
            throw .alsa(device: "(all)", call: "snd_device_name_hint", code: r, reason: String(cString: snd_strerror(r)))
        }
        defer { snd_device_name_free_hint(hints) }
        var out: [CaptureDevice] = []
        var i = 0
        while let hint = hints[i] {
            i += 1
            let name = take(snd_device_name_get_hint(hint, "NAME"))
            let desc = take(snd_device_name_get_hint(hint, "DESC"))
            let ioid = take(snd_device_name_get_hint(hint, "IOID"))
            // IOID is absent for PCMs that do both directions.
            guard let name, ioid == nil || ioid == "Input" else { continue }
            let description = (desc ?? "").split(separator: "\n").joined(separator: " — ")
            out.append(CaptureDevice(name: name, description: description, api: "alsa",
                                     isMonitor: CaptureDevice.looksLikeMonitor(name: name, description: description)))
        }
        return out
    }

    /// Copies and frees a string ALSA allocated with malloc.
    private static func take(_ p: UnsafeMutablePointer<CChar>?) -> String? {
        guard let p else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}

/// PulseAudio/PipeWire sources (including the `.monitor` of every output) from `pactl`, if installed.
public enum PulseSources {
    /// Parses `pactl list short sources` output: index, name, driver, format, state, tab-separated.
    public static func parse(_ text: String) -> [CaptureDevice] {
        text.split(separator: "\n").compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 2 else { return nil }
            let name = String(f[1])
            let desc = f.count >= 4 ? String(f[3]) : ""
            return CaptureDevice(name: name, description: desc, api: "pulse",
                                 isMonitor: name.hasSuffix(".monitor") || CaptureDevice.looksLikeMonitor(name: name, description: desc))
        }
    }

    /// Runs `pactl list short sources`; empty when pactl is missing or no server answers.
    public static func list() -> [CaptureDevice] {
        let candidates = ["/usr/bin/pactl", "/bin/pactl", "/usr/local/bin/pactl"]
        guard let pactl = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pactl)
        process.arguments = ["list", "short", "sources"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [] }
        return parse(String(decoding: data, as: UTF8.self))
    }
}
