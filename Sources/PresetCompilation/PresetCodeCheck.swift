import Foundation
import MilkExpression
import MilkPreset

/// `aivj expr check`: compiles every code block of many presets and counts what MilkDrop would drop.
public struct PresetCodeCheck: Sendable {
    /// One block with a dropped statement (or a file that could not be read, with block "-").
    public struct Failure: Sendable, Hashable {
        public var file: String
        public var diagnostic: BlockDiagnostic
    }

    public var files = 0
    public var unreadable = 0
    public var blocks = 0
    public var compiled = 0
    public var failed = 0
    public var droppedStatements = 0
    /// Blocks that run on the reference evaluator because the fast compiler declined them.
    public var referenceOnlyBlocks = 0
    public var failures: [Failure] = []

    /// Checks every `.milk` under the paths.
    public static func run(paths: [URL]) throws -> PresetCodeCheck {
        var check = PresetCodeCheck()
        for url in try PresetFiles.presets(in: paths) { check.add(url) }
        return check
    }

    /// Adds one preset file to the counts.
    public mutating func add(_ url: URL) {
        files += 1
        let preset: Preset
        do { preset = try Preset(contentsOf: url) } catch {
            unreadable += 1
            failures.append(Failure(file: url.path, diagnostic: BlockDiagnostic(
                block: "-", line: 0, column: 0, message: "\(error)", statement: "")))
            return
        }
        add(preset, file: url.path)
    }

    /// Adds one parsed preset to the counts.
    public mutating func add(_ preset: Preset, file: String) {
        let programs = PresetPrograms(preset: preset)
        for block in preset.codeBlocks {
            guard let compiled = programs.blocks[block.kind], !compiled.source.isEmpty else { continue }
            blocks += 1
            if compiled.diagnostics.isEmpty { self.compiled += 1 } else { failed += 1 }
            if !compiled.code.usesFastEvaluator { referenceOnlyBlocks += 1 }
            droppedStatements += compiled.diagnostics.count
            failures += compiled.diagnostics.map { Failure(file: file, diagnostic: $0) }
        }
    }

    /// One line per failure: `file: block line L column C: message: statement`, or JSON objects.
    public func failureLines(json: Bool) -> [String] {
        failures.map { f in
            let d = f.diagnostic
            if json {
                return JSONText.object([("file", .string(f.file)), ("block", .string(d.block)), ("line", .int(d.line)),
                                        ("column", .int(d.column)), ("message", .string(d.message)),
                                        ("statement", .string(d.statement))])
            }
            return "\(f.file): \(d.description): \(d.statement)"
        }
    }

    /// `{"files":…,"blocks":…,"compiled":…,"failed":…,"dropped_statements":…}` plus extra counts.
    public var summaryJSON: String {
        JSONText.object([("files", .int(files)), ("blocks", .int(blocks)), ("compiled", .int(compiled)),
                         ("failed", .int(failed)), ("dropped_statements", .int(droppedStatements)),
                         ("unreadable_files", .int(unreadable)), ("reference_only_blocks", .int(referenceOnlyBlocks))])
    }
}

/// Minimal JSON writing with stable key order.
enum JSONText {
    enum Value { case int(Int), double(Double), string(String), raw(String) }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { "\"\($0.0)\":" + render($0.1) }.joined(separator: ",") + "}"
    }

    static func render(_ v: Value) -> String {
        switch v {
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String(format: "%.3f", d) : "null"
        case .raw(let r): return r
        case .string(let s):
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
    }
}
