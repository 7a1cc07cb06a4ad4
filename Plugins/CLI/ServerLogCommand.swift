import ArgumentParser
import Foundation

/// `tether server log ID [--follow]`: the console scrollback the agent keeps, then (with
/// --follow) live output until Ctrl-C.
struct ServerLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print a server's serial console scrollback; --follow keeps printing live output.",
        discussion: """
            Reads the serial console WebSocket without typing anything. The agent sends its scrollback \
            (the last consoleScrollbackBytes of output) first; without --follow the command ends once \
            the console has been quiet for --quiet-ms after that (the stream carries no end-of-scrollback \
            mark yet). Needs the console permission. -o json prints {"server", "text", "bytes"}; with \
            --follow one such object per line per chunk.
            """)

    @Argument(help: "The server.")
    var server: String

    @Flag(name: .shortAndLong, help: "Keep printing live console output until Ctrl-C or the gateway ends it.")
    var follow = false

    @Option(help: "Without --follow: stop after this many milliseconds without console output.")
    var quietMs: Int = 1000

    @OptionGroup var options: CLIOptions

    func run() async throws {
        try await runReportingErrors {
            guard (50...60_000).contains(quietMs) else { throw CLIError.usage("--quiet-ms must be 50...60000") }
            let settings = try await options.resolved(server: server, actions: ["console"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            let reader = ConsoleLogReader(
                url: client.webSocketURL("v1/servers/\(server)/console/serial"), token: settings.token, server: server,
                quiet: follow ? nil : .milliseconds(quietMs), format: settings.output)
            try await reader.run()
        }
    }
}
