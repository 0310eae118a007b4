import Foundation
@testable import ShaderTranslation

/// Khronos' reference GLSL compiler front end (Debian glslang-tools), used to check that output is valid GLSL 330.
enum Glslang {
    static let path = "/usr/bin/glslangValidator"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Compiles every source as a fragment shader in one run; returns the first error of each that fails, by index.
    static func failures(_ sources: [String]) throws -> [Int: String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aivj-glslang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (i, source) in sources.enumerated() {
            let path = directory.appendingPathComponent("\(i).frag").path
            try source.write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        var failures: [Int: String] = [:]
        // Batches keep the argument list short; each file is compiled on its own (no -l, so no linking).
        for start in stride(from: 0, to: paths.count, by: 200) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = Array(paths[start..<min(start + 200, paths.count)])
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            var current: Int?
            for line in output.split(separator: "\n") {
                if line.hasSuffix(".frag"), let name = line.split(separator: "/").last, let i = Int(name.dropLast(5)) {
                    current = i
                } else if line.hasPrefix("ERROR"), let i = current, failures[i] == nil {
                    failures[i] = String(line)
                }
            }
        }
        return failures
    }
}
