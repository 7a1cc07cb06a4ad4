import Contracts
import Kernel

/// An agent's protocol plugin as routing sees it: lists the configured servers.
struct FakeAgentPlugin: Plugin {
    static let id: PluginID = "fake-agent"
    struct Config: PluginConfig {
        var servers: [String] = []
        init() {}
    }

    let config: Config

    init(config: Config, context: PluginContext) throws { self.config = config }

    func routes(_ routes: inout Routes) {
        let servers = config.servers
        routes.answer(Inventory.List.self) { _, _ in
            .init(servers: servers.map { Inventory.Server(id: $0, capabilities: [.ipmi, .power], managedBy: "fake-agent") })
        }
    }
}
