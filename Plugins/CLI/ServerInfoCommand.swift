import ArgumentParser
import Contracts

/// `tether server show ID`: the BMC's identity and the power state.
struct ServerInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a server's BMC facts and power state.")

    @Argument(help: "The server.")
    var server: String

    @OptionGroup var options: CLIOptions

    struct Shown: Codable {
        var bmc: BMC.Info.Reply
        var power: Power.State
    }

    func run() async throws {
        try await runReportingErrors {
            let settings = try options.resolved()
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            let bmc = try await client.call("GET", "v1/servers/\(server)/bmc", as: BMC.Info.Reply.self)
            let power = try await client.call("GET", "v1/servers/\(server)/power", as: Power.Status.Reply.self)
            let shown = Shown(bmc: bmc, power: power.state)
            try OutputPrinter(format: settings.output).print(shown) {
                [["SERVER", server], ["POWER", power.state.rawValue], ["BMC", "\(bmc.manufacturer) \(bmc.product)"],
                 ["FIRMWARE", bmc.firmware], ["PROTOCOL", bmc.protocolVersion]]
            }
        }
    }
}
