import ArgumentParser

/// Placeholder until its issue lands.
struct PresetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(not yet built)")
    func run() async throws { throw ValidationError("not yet built") }
}
