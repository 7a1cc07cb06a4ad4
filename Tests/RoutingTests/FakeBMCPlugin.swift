import Contracts
import Kernel

/// Stands in for a protocol plugin on an agent: manages the servers in its config and
/// answers power requests from memory.
actor FakeBMCPlugin: Plugin {
    static let id: PluginID = "fake-bmc"

    struct Config: PluginConfig {
        var servers: [String] = []
        init() {}
    }

    let config: Config
    let name: PluginID
    var power: [ServerID: Power.State] = [:]

    init(config: Config, context: PluginContext) {
        self.config = config
        self.name = context.instance
    }

    nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Inventory.List.self) { _, _ in
            Inventory.List.Reply(servers: self.config.servers.map { .init(id: $0, capabilities: [.ipmi, .power], managedBy: self.name.rawValue) })
        }
        routes.answer(Power.Status.self) { request, _ in await self.status(request.server) }
        routes.answer(Power.Set.self) { request, _ in await self.set(request) }
    }

    func status(_ server: ServerID) -> Power.Status.Reply { .init(server: server, state: power[server] ?? .off) }

    func set(_ request: Power.Set) -> Power.Set.Reply {
        power[request.server] = request.action == .off ? .off : .on
        return .init(server: request.server, action: request.action)
    }
}
