/// Who serves what: local instances by topic, linked nodes, the default link.
///
/// Held under one lock by ``Bus``, never across an `await`.
struct RouteTable {
    struct LocalRoute {
        let address: Address
        let handler: RouteHandler
    }

    struct RemoteRoute {
        let link: any Link
        let topics: Set<Topic>
        let generation: UInt64
    }

    /// Where a message goes after resolution.
    enum Target {
        case local(LocalRoute)
        case remote(NodeID, any Link)
    }

    let node: NodeID
    var local: [Topic: [PluginID: LocalRoute]] = [:]
    var remote: [NodeID: RemoteRoute] = [:]
    var defaultNode: NodeID?
    var generation: UInt64 = 0

    init(node: NodeID) { self.node = node }

    func resolve(_ topic: Topic, _ destination: Destination) throws(BusError) -> Target {
        switch destination {
        case .nearest:
            if let route = try localRoute(topic, destination) { return .local(route) }
            let serving = remote.filter { $0.value.topics.contains(topic) }
            if serving.count == 1, let (node, route) = serving.first { return .remote(node, route.link) }
            if serving.count > 1 {
                throw .ambiguous(topic: topic, candidates: serving.keys.map { Address(instance: "*", node: $0) }.sorted { $0.node.rawValue < $1.node.rawValue })
            }
            if let defaultNode, let route = remote[defaultNode] { return .remote(defaultNode, route.link) }
            throw .noRoute(topic: topic, destination: destination)
        case .node(let target) where target == node:
            if let route = try localRoute(topic, destination) { return .local(route) }
            throw .noRoute(topic: topic, destination: destination)
        case .exactly(let address) where address.node == node:
            if let route = local[topic]?[address.instance] { return .local(route) }
            throw .noRoute(topic: topic, destination: destination)
        case .node(let target):
            return try remoteTarget(target)
        case .exactly(let address):
            return try remoteTarget(address.node)
        }
    }

    private func localRoute(_ topic: Topic, _ destination: Destination) throws(BusError) -> LocalRoute? {
        guard let routes = local[topic], !routes.isEmpty else { return nil }
        guard routes.count == 1, let only = routes.first else {
            throw .ambiguous(topic: topic, candidates: routes.values.map(\.address).sorted { $0.description < $1.description })
        }
        return only.value
    }

    /// Envelopes travel one hop: a named node is reached only over its own link.
    private func remoteTarget(_ target: NodeID) throws(BusError) -> Target {
        guard let route = remote[target] else { throw .unreachable(node: target) }
        return .remote(target, route.link)
    }
}
