/// Which piece of preset code a block of lines is: the three main blocks, and the per-wave and per-shape blocks.
public enum CodeBlockKind: Sendable, Hashable {
    case perFrameInit, perFrame, perPixel
    case waveInit(Int), wavePerFrame(Int), wavePerPoint(Int)
    case shapeInit(Int), shapePerFrame(Int)

    /// The block's name as MilkDrop spells it, e.g. "per_frame", "wave_0_per_point", "shape_3_init".
    public var name: String {
        switch self {
        case .perFrameInit: "per_frame_init"
        case .perFrame: "per_frame"
        case .perPixel: "per_pixel"
        case let .waveInit(i): "wave_\(i)_init"
        case let .wavePerFrame(i): "wave_\(i)_per_frame"
        case let .wavePerPoint(i): "wave_\(i)_per_point"
        case let .shapeInit(i): "shape_\(i)_init"
        case let .shapePerFrame(i): "shape_\(i)_per_frame"
        }
    }

    /// The key prefix of the block's numbered lines in a file: `name` followed by "_" for the main blocks
    /// ("per_frame_1"), and `name` directly for waves and shapes ("wave_0_init1").
    public var keyPrefix: String {
        switch self {
        case .perFrameInit, .perFrame, .perPixel: name + "_"
        default: name
        }
    }

    /// Every kind a MilkDrop 2 preset can hold, in the order `Preset.codeBlocks` lists them.
    public static var all: [CodeBlockKind] {
        var kinds: [CodeBlockKind] = [.perFrameInit, .perFrame, .perPixel]
        for i in 0..<Preset.waveCount { kinds += [.waveInit(i), .wavePerFrame(i), .wavePerPoint(i)] }
        for i in 0..<Preset.shapeCount { kinds += [.shapeInit(i), .shapePerFrame(i)] }
        return kinds
    }
}

/// One block of preset code: its raw lines in MilkDrop's order (the text after `per_frame_1=`, `per_frame_2=` …,
/// with one leading backtick removed as MilkDrop does).
public struct CodeBlock: Sendable, Hashable {
    public var kind: CodeBlockKind
    public var lines: [String]

    public init(kind: CodeBlockKind, lines: [String]) {
        self.kind = kind
        self.lines = lines
    }

    /// The lines joined with newlines (projectM hands its compiler this form).
    public var text: String { lines.joined(separator: "\n") }

    /// The text MilkDrop 2 hands its expression compiler (`CState::StripLinefeedCharsAndComments`): each line cut at
    /// its first `//` or `\\` comment, then all lines concatenated with nothing between them (so `a=1` and `+2` on
    /// two lines read as `a=1+2`). Empty when that leaves only spaces.
    public var milkDropSource: String {
        var source = ""
        for line in lines {
            var cut = line[...]
            if let comment = Self.commentStart(line) { cut = line[..<comment] }
            source += cut
        }
        return source.allSatisfy { $0 == " " } ? "" : source
    }

    private static func commentStart(_ line: String) -> String.Index? {
        var previous: Character?
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let previous, previous == character, character == "/" || character == "\\" {
                return line.index(before: index)
            }
            previous = character
            index = line.index(after: index)
        }
        return nil
    }
}
