import ArgumentParser
import Foundation

/// `tether agent enrolment-token NODE --gateway GW [--ttl SECONDS]`: an enrolment token
/// from the manager for the agent NODE at the gateway GW.
struct AgentEnrolmentTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrolment-token",
        abstract: "Issue an enrolment token that lets one agent link to one gateway (superadmins).",
        discussion: """
            Prints the token alone, for the agent's token file (its link: token: "file:/etc/tether/enrolment.jwt"); \
            with -o json or yaml, the token with its expiry and ID (the audit log names the ID). The gateway must \
            run its link listener with acceptEnrolmentTokens: true.
            """)

    @Argument(help: "The agent's node name.")
    var node: String

    @Option(help: "The node name of the gateway the agent links to.")
    var gateway: String

    @Option(help: "Lifetime in seconds (default: the manager's enrolmentLifetimeSeconds, 24 h).")
    var ttl: Int?

    @Option(help: "The manager URL (TETHER_MANAGER); normally the one `tether login` used.")
    var manager: String?

    @Option(name: [.customShort("o"), .long], help: "Output: json or yaml (default: the token alone).")
    var output: OutputFormat?

    func run() async throws {
        try await runReportingErrors {
            let (client, _) = try await LoginSession(environment: ProcessInfo.processInfo.environment, managerFlag: manager).validLogin()
            let reply = try await client.call(
                "POST", "v1/agents/enrolment-tokens", body: EnrolmentTokenReply.Request(node: node, gateway: gateway, ttlSeconds: ttl),
                as: EnrolmentTokenReply.self)
            guard let output else {
                print(reply.token.token)
                return
            }
            try OutputPrinter(format: output).print(reply) {
                [["NODE", "GATEWAY", "EXPIRES", "TOKEN ID"], [reply.node, reply.gateway, reply.token.expiresAt.formatted(.iso8601), reply.tokenID]]
            }
        }
    }
}
