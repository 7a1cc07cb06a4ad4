import ArgumentParser
import Foundation

/// `tether server console ID --terminal`: the serial console in this terminal.
struct ServerConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open a server's serial console.",
        discussion: "With --terminal the console runs here in raw mode; ~. ends it, ~? lists the escapes, ~B sends a break. Without it the browser console URL is printed.")

    @Argument(help: "The server.")
    var server: String

    @Flag(help: "Use this terminal instead of the browser.")
    var terminal = false

    @OptionGroup var options: CLIOptions

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: [terminal ? "console" : "view"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            guard terminal else {
                print(settings.gateway.appendingPathComponent("console/\(server)").absoluteString)
                return
            }
            let reason = try await SerialConsoleSession(
                url: client.webSocketURL("v1/servers/\(server)/console/serial"), token: settings.token, server: server,
                renewer: settings.renew.map { LeaseRenewer(renew: $0) }
            ).run()
            FileHandleOutput.standardError("\r\ntether: console closed: \(reason)")
        }
    }
}
