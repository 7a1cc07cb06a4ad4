import ArgumentParser
import Contracts

/// `tether server boot ID [pxe|disk|cdrom|bios] [--once|--persistent] [--uefi]`.
struct ServerBootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "boot", abstract: "Show or set the next boot device.")

    @Argument(help: "The server.")
    var server: String

    @Argument(help: "pxe, disk, cdrom or bios; omit to show the current setting.")
    var device: String?

    @Flag(help: "Keep the setting for every boot (default: the next boot only).")
    var persistent = false

    @Flag(help: "Boot in UEFI mode.")
    var uefi = false

    @OptionGroup var options: CLIOptions

    struct BootBody: Codable {
        var device: String
        var persistent: Bool
        var uefi: Bool
    }

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: [device == nil ? "view" : "power"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            let path = "v1/servers/\(server)/boot"
            let reply: Boot.Setting
            if let device {
                guard Boot.Device(rawValue: device) != nil else { throw CLIError.usage("unknown boot device \"\(device)\"; use pxe, disk, cdrom or bios") }
                reply = try await client.call("PUT", path, body: BootBody(device: device, persistent: persistent, uefi: uefi), as: Boot.Setting.self)
            } else {
                reply = try await client.call("GET", path, as: Boot.Setting.self)
            }
            try OutputPrinter(format: settings.output).print(reply) {
                [["SERVER", "DEVICE", "PERSISTENT", "UEFI"], [reply.server, reply.device.rawValue, "\(reply.persistent)", "\(reply.uefi)"]]
            }
        }
    }
}
