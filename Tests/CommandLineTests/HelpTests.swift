import Testing

struct HelpTests {
    @Test func helpListsTheSubcommands() throws {
        let result = try AIVJProcess.run(["--help"])
        #expect(result.status == 0)
        for name in ["expr", "preset", "library", "devices", "listen", "analyze", "bench"] {
            #expect(result.stdout.contains(name), "help should list \(name)")
        }
    }

    @Test func anUnknownSubcommandFailsWithAMessage() throws {
        let result = try AIVJProcess.run(["no-such-command"])
        #expect(result.status != 0)
        #expect(!result.stderr.isEmpty)
    }
}
