import ArgumentParser
import Foundation

/// `tether server list [--tenant T] [--gateway G] [--status S]`: the servers your login sees.
struct ServerListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the servers you may see, with what you may do on each.",
        discussion: """
            From the manager (needs `tether login`). --status asks each server's gateway for its power \
            state (on, off, unknown, or unreachable when the gateway or agent cannot answer) and keeps the servers \
            in that state; without it the status is not asked and is null in -o json.
            """)

    @Option(help: "Only servers of this tenant.")
    var tenant: String?

    @Option(help: "Only servers behind this gateway (its ID, as the GATEWAY column shows it).")
    var gateway: String?

    @Option(help: "Only servers in this power state: on, off, unknown or unreachable (asks each server's gateway).")
    var status: ServerStatusFilter?

    @Option(help: "The manager URL (TETHER_MANAGER); normally the one `tether login` used.")
    var manager: String?

    @Option(name: [.customShort("o"), .long], help: "Output: table, json or yaml.")
    var output: OutputFormat = .table

    func run() async throws {
        try await runReportingErrors {
            let environment = ProcessInfo.processInfo.environment
            let login = LoginSession(environment: environment, managerFlag: manager)
            let (client, _) = try await login.validLogin()
            let reply = try await client.call("GET", "v1/servers", as: ManagerReplies.Servers.self)
            var rows = reply.servers
                .filter { tenant == nil || $0.tenant == tenant }
                .filter { gateway == nil || $0.gateway == gateway }
                .sorted { $0.id < $1.id }
                .map { ServerListing(server: $0, status: nil) }
            if let status {
                let probe = ServerStatusProbe(client: client, login: login, explicitGateway: environment["TETHER_GATEWAY"])
                rows = await probe.statuses(of: rows).filter { $0.status == status.rawValue }
            }
            try OutputPrinter(format: output).print(ServerListing.Page(servers: rows)) {
                [["ID", "TENANT", "GATEWAY", "STATUS", "ACTIONS", "CAPABILITIES"]]
                    + rows.map {
                        [$0.id, $0.tenant ?? "-", $0.gateway ?? "-", $0.status ?? "-", $0.actions.joined(separator: ","),
                         $0.capabilities.joined(separator: ",")]
                    }
            }
        }
    }
}

/// `--status` values.
enum ServerStatusFilter: String, ExpressibleByArgument, CaseIterable {
    case on, off, unknown, unreachable
}
