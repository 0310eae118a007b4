import Determinism
import Foundation

/// A fixed-seed sample of a preset folder, the same on every machine with the same files (benchmarks use it).
enum PresetSample {
    /// `count` presets from `folder` (recursively), with shader sections (MilkDrop 2) or without (MilkDrop 1):
    /// the sorted list shuffled by `seed`, then its first `count`.
    static func pick(in folder: String, count: Int, seed: UInt64, withShaders: Bool) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            guard name.lowercased().hasSuffix(".milk") else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if (text.contains("warp_1=") || text.contains("comp_1=")) == withShaders { files.append(path) }
        }
        files.sort()
        var random = SeededRandom(seed: seed)
        for index in stride(from: files.count - 1, to: 0, by: -1) {
            files.swapAt(index, Int(random.next() % UInt64(index + 1)))
        }
        return Array(files.prefix(count))
    }
}
