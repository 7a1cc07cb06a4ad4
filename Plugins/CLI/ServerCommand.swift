import ArgumentParser

/// `tether server ...`: what operators and tenants type every day.
public struct ServerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Power, boot, BMC facts and consoles of one server, through its gateway.",
        discussion: ExitStatus.help,
        subcommands: [ServerPowerCommand.self, ServerBootCommand.self, ServerInfoCommand.self, ServerConsoleCommand.self, ServerVNCCommand.self, ServerListCommand.self, ServerLogCommand.self, ServerSessionsCommand.self])

    public init() {}
}

/// Runs a CLI body and turns its failures into one line on standard error and the
/// documented exit code.
func runReportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as CLIError {
        FileHandleOutput.standardError("tether: \(error.description)")
        throw error.exitCode
    }
}
