import Contracts
import Kernel
import KernelTesting

/// Stands in for `routing` on a gateway: asks the `fake-bmc` instance of this node (or of
/// `agentNode`, over its link) which servers it manages. The servers in `offline`, and every
/// server of an agent whose link is down, answer "agent offline" at once. Like `routing`, it
/// is the node's audit relay: records land in `audit`.
package struct TestRouterPlugin: Plugin {
    package static let id: PluginID = "test-router"
    /// The audit records gateway-api sent, per node.
    package static let audit = NodeInbox<AuditTrail.Event>()

    package struct Config: PluginConfig {
        package var agentNode: String?
        package var offline: [String] = ["lab-09"]
        package init() {}
    }

    package struct RouteError: CodedError {
        package let code: String
        package let message: String
    }

    package let config: Config
    package let bus: Bus

    package init(config: Config, context: PluginContext) {
        self.config = config
        self.bus = context.bus
    }

    package func routes(_ routes: inout Routes) {
        routes.answer(Routing.Resolve.self) { request, _ in try await self.resolve(request.server) }
        routes.handle(AuditTrail.Record.self) { record, _ in Self.audit.append(record.event, on: bus.node) }
    }

    package func resolve(_ server: ServerID) async throws -> Routing.Resolve.Reply {
        let node = config.agentNode.map { NodeID($0) } ?? bus.node
        if config.offline.contains(server) || (node != bus.node && bus.linkedNodes[node] == nil) {
            throw RouteError(code: "agent-offline", message: "the agent of \(server) (\(node)) is offline; it reconnects by itself, retry shortly")
        }
        let inventory = try await bus.ask(Inventory.List(), to: .exactly(Address(instance: "fake-bmc", node: node)))
        guard let entry = inventory.servers.first(where: { $0.id == server }) else {
            throw RouteError(code: "not-found", message: "no agent has registered server \(server)")
        }
        return .init(address: Address(instance: PluginID(entry.managedBy), node: node))
    }
}
