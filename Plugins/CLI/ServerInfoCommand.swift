import ArgumentParser
import Contracts

/// `tether server show ID`: the BMC's identity, the power state and what the server supports.
struct ServerInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a server's BMC facts, power state and capabilities.")

    @Argument(help: "The server.")
    var server: String

    @OptionGroup var options: CLIOptions

    struct Shown: Codable {
        var bmc: BMC.Info.Reply
        var power: Power.State
        /// What the server supports, as its agent detected it (`GET /v1/servers/{id}/capabilities`).
        var capabilities: [Inventory.Capability]
    }

    /// The gateway's capabilities answer.
    struct Capabilities: Codable {
        var server: String
        var online: Bool
        var capabilities: [Inventory.Capability]
    }

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: ["view"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            let bmc = try await client.call("GET", "v1/servers/\(server)/bmc", as: BMC.Info.Reply.self)
            let power = try await client.call("GET", "v1/servers/\(server)/power", as: Power.Status.Reply.self)
            let capabilities = try await client.call("GET", "v1/servers/\(server)/capabilities", as: Capabilities.self)
            let shown = Shown(bmc: bmc, power: power.state, capabilities: capabilities.capabilities)
            try OutputPrinter(format: settings.output).print(shown) {
                [["SERVER", server], ["POWER", power.state.rawValue], ["BMC", "\(bmc.manufacturer) \(bmc.product)"],
                 ["FIRMWARE", bmc.firmware], ["PROTOCOL", bmc.protocolVersion],
                 ["CAPABILITIES", capabilities.capabilities.isEmpty ? "none detected" : capabilities.capabilities.map(\.rawValue).joined(separator: ", ")]]
            }
        }
    }
}
