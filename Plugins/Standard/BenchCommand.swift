import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure this build (use a release build: swift build -c release).",
        subcommands: [BusBenchCommand.self, AuthBenchCommand.self, VNCBenchCommand.self, SOLBenchCommand.self, LinkBenchCommand.self])
}
