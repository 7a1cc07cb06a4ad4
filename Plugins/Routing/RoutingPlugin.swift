import Contracts
import Kernel
import Logging
import ServiceLifecycle

/// Knows which node and instance manages each server, from what every linked node (and this
/// one) reports, and answers `routing.resolve` at once, "agent offline" included.
public actor RoutingPlugin: Plugin {
    public static let id: PluginID = "routing"
    public static let summary = "server -> node/instance directory built from the agents' inventories"

    public struct Config: PluginConfig {
        /// How often every node's inventory is asked again (servers added on an agent).
        public var refreshSeconds = 60
        /// How long one inventory question may take.
        public var askTimeoutSeconds = 10
        public init() {}
    }

    private let config: Config
    private let bus: Bus
    private let logger: Logger
    private var routes: [ServerID: ServerRoute] = [:]

    public init(config: Config, context: PluginContext) throws {
        guard config.refreshSeconds > 0, config.askTimeoutSeconds > 0 else {
            throw RoutingConfigError(message: "refreshSeconds and askTimeoutSeconds must be positive")
        }
        self.config = config
        self.bus = context.bus
        self.logger = context.logger
    }

    public nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Routing.Resolve.self) { request, _ in try await self.resolve(request) }
        routes.answer(Routing.List.self) { _, _ in await self.list() }
    }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                for await change in self.bus.linkChanges().cancelOnGracefulShutdown() {
                    switch change {
                    case .up(let node, _): await self.discover(node)
                    case .down(let node): await self.markOffline(node)
                    }
                }
            }
            group.addTask {
                await self.discover(self.bus.node)
                let interval = Duration.seconds(self.config.refreshSeconds)
                while !Task.isShuttingDownGracefully, !Task.isCancelled {
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
                    guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
                    await self.discover(self.bus.node)
                    for node in self.bus.linkedNodes.keys { await self.discover(node) }
                }
            }
        }
    }

    func resolve(_ request: Routing.Resolve) throws -> Routing.Resolve.Reply {
        guard let route = routes[request.server] else { throw RoutingError.unknownServer(request.server) }
        guard route.online else { throw RoutingError.agentOffline(server: request.server, node: route.node) }
        guard let address = route.address(serving: request.serving) else {
            throw RoutingError.unsupported(server: request.server, topic: request.serving)
        }
        return .init(address: address)
    }

    func list() -> Routing.List.Reply {
        .init(servers: routes.values.map(\.entry).sorted { $0.server < $1.server })
    }

    /// Asks `node` what it serves, then every instance there that lists servers.
    func discover(_ node: NodeID) async {
        let timeout = Duration.seconds(config.askTimeoutSeconds)
        do {
            let description = try await bus.ask(NodeDescription(), to: .node(node), timeout: timeout)
            var found: [ServerID: ServerRoute] = [:]
            for instance in description.instances(serving: Inventory.List.topic) {
                let reply = try await bus.ask(Inventory.List(), to: .exactly(Address(instance: instance, node: node)), timeout: timeout)
                let topics = Set(description.instances[instance] ?? [])
                for server in reply.servers {
                    let manager = ServerRoute.Manager(instance: instance, topics: topics, capabilities: server.capabilities)
                    found[server.id, default: ServerRoute(server: server.id, node: node, managers: [], online: true)].managers.append(manager)
                }
            }
            apply(found, from: node)
        } catch {
            logger.warning("inventory of a node failed", metadata: ["routing.node": "\(node)", "error": "\(error)"])
        }
    }

    private func apply(_ found: [ServerID: ServerRoute], from node: NodeID) {
        for (server, route) in routes where route.node == node && found[server] == nil { routes[server] = nil }
        for (server, route) in found {
            if let existing = routes[server], existing.node != node, existing.online {
                logger.warning("server claimed by two nodes; keeping the first", metadata: [
                    "routing.server": "\(server)", "routing.kept": "\(existing.node)", "routing.ignored": "\(node)",
                ])
                continue
            }
            routes[server] = route
        }
        logger.info("inventory updated", metadata: ["routing.node": "\(node)", "routing.servers": "\(found.count)"])
    }

    func markOffline(_ node: NodeID) {
        for (server, route) in routes where route.node == node { routes[server]?.online = false }
    }
}

/// A routing setting that cannot work.
struct RoutingConfigError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
