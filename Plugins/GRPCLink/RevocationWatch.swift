import Contracts
import Kernel
import Logging

/// Cuts the live links of agents whose credentials the manager revoked: every `interval`,
/// while agents with manager-issued credentials are linked, asks this node's `auth` for the
/// revocations it knows (`auth.known-agent-revocations`: a gateway's cached copy of the
/// manager's list) and closes the matching links. The agent's reconnect is then refused.
struct RevocationWatch: Sendable {
    let peers: ConnectedPeers
    let bus: Bus
    let audit: LinkAuditTrail
    let logger: Logger
    let interval: Duration

    /// Runs until cancelled.
    func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            guard peers.hasAgents else { continue }
            let revocations: [String: Int64]
            do {
                revocations = try await bus.ask(Auth.KnownAgentRevocations(), to: .node(bus.node), timeout: .seconds(5))
            } catch {
                logger.debug("agent revocations not available; linked agents stay linked", metadata: ["error": "\(error)"])
                continue
            }
            for (node, connection) in peers.cutRevoked(revocations) {
                logger.warning("link cut: the agent's credential was revoked", metadata: ["link.node": "\(node)", "link.peer": "\(connection)"])
                await audit.cut(node: node.rawValue, reason: "the agent's credential was revoked", connection: connection)
            }
        }
    }
}
