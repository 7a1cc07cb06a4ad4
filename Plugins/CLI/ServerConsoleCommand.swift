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

    @Option(help: "With --terminal: how long to keep connecting again when a live console is lost (the gateway restarted, the agent's link dropped), in seconds; 0 ends at once.")
    var reconnectSeconds = 60

    @OptionGroup var options: CLIOptions

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: ["console"])
            guard terminal else {
                return try await ViewerLink.open("serial", server: server, client: GatewayClient(base: settings.gateway, token: settings.token))
            }
            guard reconnectSeconds >= 0 else { throw CLIError.usage("--reconnect-seconds must be 0 or more") }
            var token = settings.token
            var outcome = try await session(settings, token: token)
            while case .lost(let why) = outcome {
                FileHandleOutput.standardError("\r\n[tether: connection lost: \(why); connecting again for up to \(reconnectSeconds) s]\r")
                guard let next = try await reconnect(settings, token: &token) else {
                    outcome = .ended("lost and not back within \(reconnectSeconds) s: \(why)")
                    break
                }
                outcome = next
            }
            if case .ended(let reason) = outcome { FileHandleOutput.standardError("\r\ntether: console closed: \(reason)") }
        }
    }

    /// One console session over the transport the gateway offers.
    private func session(_ settings: ResolvedOptions, token: String) async throws -> ConsoleOutcome {
        let client = GatewayClient(base: settings.gateway, token: token)
        let renewer = settings.renew.map { LeaseRenewer(renew: $0) }
        switch try await transport.choose(for: client) {
        case .grpc(let target):
            return try await GRPCConsoleSession(target: target, token: token, server: server, renewer: renewer).run()
        case .webSocket:
            return try await SerialConsoleSession(
                url: client.webSocketURL("v1/servers/\(server)/console/serial"), token: token, server: server, renewer: renewer
            ).run()
        }
    }

    /// Tries again (0.5 s doubling to 4 s apart) until a session opens or `reconnectSeconds`
    /// pass; a fresh session token from the login when there is one. Refusals end it at once.
    private func reconnect(_ settings: ResolvedOptions, token: inout String) async throws -> ConsoleOutcome? {
        let deadline = ContinuousClock.now + .seconds(reconnectSeconds)
        var pause = Duration.milliseconds(500)
        while ContinuousClock.now < deadline {
            try await Task.sleep(for: min(pause, deadline - ContinuousClock.now))
            pause = min(pause * 2, .seconds(4))
            do {
                if let renew = settings.renew { token = try await renew() }
                return try await session(settings, token: token)
            } catch CLIError.unreachable(let why) {
                FileHandleOutput.standardError("[tether: not back yet: \(why.prefix(160))]\r\n")
            }
        }
        return nil
    }
}
