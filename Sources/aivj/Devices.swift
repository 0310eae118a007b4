import ArgumentParser

/// Placeholder until its issue lands.
struct Devices: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "(not yet built)")
    func run() async throws { throw ValidationError("not yet built") }
}
