import Contracts
import Kernel

/// Stands in for `routing` on a gateway: asks the `fake-bmc` instance of this node (or of
/// `agentNode`, over its link) which servers it manages. The servers in `offline`, and every
/// server of an agent whose link is down, answer "agent offline" at once.
struct TestRouterPlugin: Plugin {
    static let id: PluginID = "test-router"

    struct Config: PluginConfig {
        var agentNode: String?
        var offline: [String] = ["lab-09"]
        init() {}
    }

    struct RouteError: CodedError {
        let code: String
        let message: String
    }

    let config: Config
    let bus: Bus

    init(config: Config, context: PluginContext) {
        self.config = config
        self.bus = context.bus
    }

    func routes(_ routes: inout Routes) {
        routes.answer(Routing.Resolve.self) { request, _ in try await self.resolve(request.server) }
    }

    func resolve(_ server: ServerID) async throws -> Routing.Resolve.Reply {
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
