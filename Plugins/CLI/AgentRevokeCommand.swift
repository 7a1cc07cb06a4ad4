import ArgumentParser
import Foundation

/// `tether agent revoke NODE`: the manager refuses every credential the agent NODE holds
/// now; it links again only after enrolling with a new enrolment token.
struct AgentRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an agent: its credentials are refused at every gateway until it enrols again (superadmins).",
        discussion: """
            Gateways learn of the revocation within their agentRevocationRefreshSeconds (30 s by default). To let the \
            agent back, issue it a new enrolment token (tether agent enrolment-token NODE --gateway GW).
            """)

    @Argument(help: "The agent's node name.")
    var node: String

    @Option(help: "The manager URL (TETHER_MANAGER); normally the one `tether login` used.")
    var manager: String?

    @Option(name: [.customShort("o"), .long], help: "Output: json or yaml (default: one line).")
    var output: OutputFormat?

    func run() async throws {
        try await runReportingErrors {
            let (client, _) = try await LoginSession(environment: ProcessInfo.processInfo.environment, managerFlag: manager).validLogin()
            guard !node.isEmpty, !node.contains("/") else { throw CLIError.usage("NODE must be an agent's node name, not \"\(node)\"") }
            let reply = try await client.call("POST", "v1/agents/\(node)/revoke", as: AgentRevocationReply.self)
            guard let output else {
                print("revoked agent \(reply.node): credentials issued until \(reply.revokedAt.formatted(.iso8601)) are refused")
                return
            }
            // The time as RFC 3339, as the manager sent it (not the encoder's seconds since 2001).
            let revokedAt = reply.revokedAt.formatted(.iso8601)
            try OutputPrinter(format: output).print(["node": reply.node, "revokedAt": revokedAt]) {
                [["NODE", "REVOKED AT"], [reply.node, revokedAt]]
            }
        }
    }
}
