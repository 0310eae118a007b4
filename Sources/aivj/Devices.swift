import ArgumentParser
import AudioInput
import Foundation

/// `aivj devices`: the capture devices ALSA knows, plus PulseAudio/PipeWire sources, monitors marked.
struct Devices: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List capture devices; monitor/loopback sources (what is playing) are marked.")

    @Flag(help: "Print a JSON array instead of a table.")
    var json = false

    func run() async throws {
        let devices = try ALSADevices.captureDevices() + PulseSources.list()
        if json {
            print(try jsonLine(devices, escapingSlashes: true))
            return
        }
        for d in devices {
            let mark = d.isMonitor ? "[monitor]" : "         "
            print("\(mark) \(d.api.padding(toLength: 5, withPad: " ", startingAt: 0)) \(d.name)")
            if !d.description.isEmpty { print("                  \(d.description)") }
        }
        if !devices.contains(where: \.isMonitor) {
            print("No monitor source listed: see docs/audio.md to capture what is playing (PipeWire/PulseAudio).")
        }
    }
}
