import ArgumentParser
import Kernel
import CLI

/// The `tether` command: roles, checks, the plugin list, benchmarks.
@main
struct Tether: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tether",
        abstract: "Secure access to server BMCs: power, serial and graphical consoles, IPMI/Redfish proxy.",
        discussion: """
            Exit codes: 0 success, 1 runtime failure (a plugin over its restart budget), \
            2 invalid manifest or usage, 3 not logged in or login expired, 4 no such server, \
            5 manager, gateway or agent unreachable, 6 denied (your role does not allow it).
            """,
        version: TetherVersion.current,
        subcommands: [RunCommand.self, CheckCommand.self, PluginsCommand.self, LoginCommand.self, LogoutCommand.self, WhoAmICommand.self, ServerCommand.self, AgentCommand.self, VersionCommand.self, BenchCommand.self]
    )

    /// Picks the task executor (``ConcurrencyExecutor``), then parses and runs the command.
    static func main() async {
        ConcurrencyExecutor.install()
        await main(nil)
    }
}
