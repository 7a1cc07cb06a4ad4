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
        /// Heartbeat of the inventory report to the manager (a change is reported at once);
        /// the manager marks this gateway offline after a few missed ones.
        public var reportSeconds = 30
        /// Audit events kept while the manager is unreachable; beyond it the oldest are
        /// dropped and the drop itself is audited when the manager is back.
        public var auditBufferSize = 10_000
        public init() {}
    }

    private let config: Config
    private let bus: Bus
    private let logger: Logger
    private var routes: [ServerID: ServerRoute] = [:]
    /// Each linked node's `tether` version, from its `node.describe`.
    private var versions: [NodeID: String] = [:]
    let uplink: ManagerUplink
    /// The routes as the uplink reads them (kept beside `routes`, so the uplink never waits on this actor's work).
    let snapshot: RoutesSnapshot

    public init(config: Config, context: PluginContext) throws {
        guard config.refreshSeconds > 0, config.askTimeoutSeconds > 0 else {
            throw RoutingConfigError(message: "refreshSeconds and askTimeoutSeconds must be positive")
        }
        guard (1...3_600).contains(config.reportSeconds), (1...1_000_000).contains(config.auditBufferSize) else {
            throw RoutingConfigError(message: "reportSeconds must be 1...3600 and auditBufferSize 1...1000000")
        }
        self.config = config
        self.bus = context.bus
        self.logger = context.logger
        let routesBox = RoutesSnapshot()
        self.uplink = ManagerUplink(
            bus: context.bus, heartbeat: .seconds(config.reportSeconds), retry: .seconds(min(config.reportSeconds, 2)),
            timeout: .seconds(config.askTimeoutSeconds), bufferCapacity: config.auditBufferSize, logger: context.logger,
            inventory: { await routesBox.get() })
        self.snapshot = routesBox
    }

    public nonisolated func routes(_ routes: inout Routes) {
        routes.answer(Routing.Resolve.self) { request, _ in try await self.resolve(request) }
        routes.answer(Routing.List.self) { _, _ in await self.list() }
        let uplink = self.uplink
        let node = bus.node
        // Only this node's plugins (gateway-api) record audit events; a linked agent may not.
        routes.handle(AuditTrail.Record.self) { record, caller in
            guard caller.from.node == node else { throw RoutingError.auditRecordNotLocal(caller.from.node) }
            await uplink.record(record.event)
        }
    }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask {
                for await change in self.bus.linkChanges().cancelOnGracefulShutdown() {
                    switch change {
                    case .up(let node, let topics):
                        if topics.contains(ManagerInventory.Report.topic) { await self.uplink.inventoryChanged() }
                        await self.discover(node)
                    case .down(let node): await self.markOffline(node)
                    }
                }
            }
            group.addTask { await cancelWhenGracefulShutdown { await self.uplink.run() } }
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
            versions[node] = description.version.map { String($0.prefix(64)) }
            var found: [ServerID: ServerRoute] = [:]
            for instance in description.instances(serving: Inventory.List.topic) {
                let reply = try await bus.ask(Inventory.List(), to: .exactly(Address(instance: instance, node: node)), timeout: timeout)
                let topics = Set(description.instances[instance] ?? [])
                for server in reply.servers {
                    let manager = ServerRoute.Manager(instance: instance, topics: topics, capabilities: server.capabilities)
                    found[server.id, default: ServerRoute(server: server.id, node: node, managers: [], online: true)].managers.append(manager)
                }
            }
            await apply(found, from: node)
        } catch {
            logger.warning("inventory of a node failed", metadata: ["routing.node": "\(node)", "error": "\(error)"])
        }
    }

    private func apply(_ found: [ServerID: ServerRoute], from node: NodeID) async {
        let before = routes
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
        if routes != before { await published() }
    }

    func markOffline(_ node: NodeID) async {
        let before = routes
        for (server, route) in routes where route.node == node { routes[server]?.online = false }
        if routes != before { await published() }
    }

    /// Hands the changed routes to the uplink, which reports them to the manager.
    private func published() async {
        await snapshot.set(list().servers, versions: versions)
        await uplink.inventoryChanged()
    }
}

/// A routing setting that cannot work.
struct RoutingConfigError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
