import CALSA
import Foundation

/// An ALSA configuration tree built from text (asoundrc syntax), for opening PCMs defined outside the
/// system configuration, e.g. a `file` PCM in tests, via `snd_pcm_open_lconf`.
public final class ALSAConfiguration {
    let tree: OpaquePointer

    /// Parses `text`. Only what the text defines (plus ALSA's built-in plugin types) is visible.
    public init(text: String) throws(AudioInputError) {
        var top: OpaquePointer?
        var r = snd_config_top(&top)
        guard r >= 0, let top else { throw .badConfiguration(reason: "snd_config_top: \(String(cString: snd_strerror(r)))") }
        var input: OpaquePointer?
        let bytes = Array(text.utf8)
        r = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { c in snd_input_buffer_open(&input, c.baseAddress, c.count) }
        }
        guard r >= 0, let input else {
            snd_config_delete(top)
            throw .badConfiguration(reason: "snd_input_buffer_open: \(String(cString: snd_strerror(r)))")
        }
        r = snd_config_load(top, input)
        snd_input_close(input)
        guard r >= 0 else {
            snd_config_delete(top)
            throw .badConfiguration(reason: "cannot parse: \(String(cString: snd_strerror(r)))")
        }
        tree = top
    }

    deinit {
        snd_config_delete(tree)
    }

    /// A capture PCM named `name` that plays back the raw interleaved file `rawPath` through ALSA's
    /// `file` plugin (`infile`) on a `null` slave: real libasound capture with no sound card.
    public static func fileCapture(name: String, rawPath: String) throws(AudioInputError) -> ALSAConfiguration {
        let quoted = rawPath.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return try ALSAConfiguration(text: """
            pcm.\(name) {
                type file
                slave.pcm { type null }
                file "/dev/null"
                infile "\(quoted)"
                format "raw"
            }
            """)
    }
}
