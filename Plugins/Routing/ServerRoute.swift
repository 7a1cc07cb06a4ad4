import Contracts
import Kernel

/// One server as routing knows it: where it lives and which instances manage it.
struct ServerRoute: Sendable, Equatable {
    struct Manager: Sendable, Equatable {
        let instance: PluginID
        let topics: Set<Topic>
        let capabilities: [Inventory.Capability]
    }

    let server: ServerID
    let node: NodeID
    var managers: [Manager]
    var online: Bool

    /// The first instance (by name) that serves `topic` for this server.
    func address(serving topic: Topic) -> Address? {
        managers.first { $0.topics.contains(topic) }.map { Address(instance: $0.instance, node: node) }
    }

    var entry: Routing.Entry {
        let capabilities = Array(Set(managers.flatMap(\.capabilities))).sorted { $0.rawValue < $1.rawValue }
        return Routing.Entry(server: server, node: node, online: online, capabilities: capabilities, instances: managers.map(\.instance))
    }
}
