import ArgumentParser
import Foundation

/// `tether server console ID --terminal`: the serial console in this terminal.
struct ServerConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open a server's serial console.",
        discussion: "With --terminal the console runs here in raw mode; ~. ends it, ~? lists the escapes, ~B sends a break. Without it the gateway makes a one-time browser link (valid for a minute), which is printed and opened when there is a browser.")

    @Argument(help: "The server.")
    var server: String

    @Flag(help: "Use this terminal instead of the browser.")
    var terminal = false

    @Option(help: "With --terminal: auto (gRPC when the gateway advertises it, else WebSocket), grpc or websocket.")
    var transport: ConsoleTransport = .auto

    @OptionGroup var options: CLIOptions

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: ["console"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            guard terminal else { return try await ViewerLink.open("serial", server: server, client: client) }
            let renewer = settings.renew.map { LeaseRenewer(renew: $0) }
            let reason: String
            switch try await transport.choose(for: client) {
            case .grpc(let target):
                reason = try await GRPCConsoleSession(target: target, token: settings.token, server: server, renewer: renewer).run()
            case .webSocket:
                reason = try await SerialConsoleSession(
                    url: client.webSocketURL("v1/servers/\(server)/console/serial"), token: settings.token, server: server, renewer: renewer
                ).run()
            }
            FileHandleOutput.standardError("\r\ntether: console closed: \(reason)")
        }
    }
}
