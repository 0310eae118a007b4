import ArgumentParser

/// The `aivj` command: a native Linux VJ application that renders MilkDrop presets to music.
@main
struct AIVJ: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aivj",
        abstract: "Live MilkDrop visuals for Linux: render, analyse, scan and perform.",
        subcommands: [
            Demo.self,
            ExprCommand.self,
            PresetCommand.self,
            LibraryCommand.self,
            ScanCommand.self,
            PairsCommand.self,
            Devices.self,
            Listen.self,
            Analyze.self,
            Render.self,
            ShaderCommand.self,
            Record.self,
            Play.self,
            Live.self,
            Bench.self,
        ],
        defaultSubcommand: Demo.self
    )
}

/// `aivj bench …`: speed measurements, each reported against a baseline measured in the same run.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks; figures are ratios against a baseline from the same run.",
        subcommands: [BenchExpr.self, BenchAudio.self, BenchPreset.self, BenchRender.self, BenchShader.self, BenchShow.self]
    )
}
