// Prints, for each preset file given, one JSON line: its path, every code block's lines, and the text MilkPreset
// writes for it. Built and run by Scripts/crosscheck-milkdrop-reader.sh.
import Foundation
import MilkPreset

for path in CommandLine.arguments.dropFirst() {
    guard let preset = try? Preset(contentsOf: URL(fileURLWithPath: path)) else { continue }
    var blocks: [String: [String]] = [:]
    for kind in CodeBlockKind.all { blocks[kind.keyPrefix] = preset.code(kind) }
    blocks["warp_"] = preset.warpShader
    blocks["comp_"] = preset.compShader
    let object: [String: Any] = ["file": path, "blocks": blocks, "text": preset.milkText()]
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
