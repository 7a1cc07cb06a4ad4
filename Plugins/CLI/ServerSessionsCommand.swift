import ArgumentParser
import Foundation

/// `tether server sessions ID`: who has a browser console session open on a server.
struct ServerSessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "Who has a console session open on a server.",
        discussion: "Lists the gateway's viewer sessions (browser consoles, serial or vnc): who, which console, since and until when. Session IDs are never shown.")

    @Argument(help: "The server.")
    var server: String

    @OptionGroup var options: CLIOptions

    /// `GET /v1/servers/{id}/sessions`.
    struct Listing: Codable {
        struct Entry: Codable {
            var subject: String
            var type: String
            var createdAt: Int64
            var expiresAt: Int64
        }
        var sessions: [Entry]
    }

    func run() async throws {
        try await runReportingErrors {
            let settings = try await options.resolved(server: server, actions: ["view"])
            let client = GatewayClient(base: settings.gateway, token: settings.token)
            let listing = try await client.call("GET", "v1/servers/\(server)/sessions", as: Listing.self)
            try OutputPrinter(format: settings.output).print(listing) {
                [["WHO", "CONSOLE", "SINCE", "UNTIL"]]
                    + listing.sessions.map { [$0.subject, $0.type, Self.time($0.createdAt), Self.time($0.expiresAt)] }
            }
        }
    }

    static func time(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).ISO8601Format()
    }
}
