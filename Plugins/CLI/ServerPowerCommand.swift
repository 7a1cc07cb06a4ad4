import ArgumentParser
import Contracts

/// `tether server power ID on|off|cycle|reset|soft|status`.
struct ServerPowerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "power", abstract: "Show or change a server's power.")

    @Argument(help: "The server.")
    var server: String

    @Argument(help: "status, on, off, cycle, reset or soft.")
    var action: String = "status"

    @OptionGroup var options: CLIOptions

    struct PowerBody: Codable { var action: String }

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: [action == "status" ? "view" : "power"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            let path = "v1/servers/\(server)/power"
            if action == "status" {
                let reply = try await client.call("GET", path, as: Power.Status.Reply.self)
                try OutputPrinter(format: settings.output).print(reply) { [["SERVER", "POWER"], [reply.server, reply.state.rawValue]] }
                return
            }
            guard Power.Action(rawValue: action) != nil else {
                throw CLIError.usage("unknown power action \"\(action)\"; use status, on, off, cycle, reset or soft")
            }
            let reply = try await client.call("POST", path, body: PowerBody(action: action), as: Power.Set.Reply.self)
            try OutputPrinter(format: settings.output).print(reply) { [["SERVER", "ACTION"], [reply.server, reply.action.rawValue]] }
        }
    }
}
