import Auth
import Contracts
import Foundation
import Kernel
import Logging
import ServiceLifecycle
import Storage

/// The manager's live inventory: gateways report their agents and servers
/// (`manager.report-inventory`, on every change and every heartbeat) and deliver the audit
/// events they recorded (`manager.audit-events`). It keeps `server -> gateway`, agents and
/// online state in the manager's store, marks a gateway offline when its link drops or its
/// heartbeats stop, and answers `manager.gateways` / `manager.agents` for the `api`.
public actor InventoryPlugin: Plugin {
    public static let id: PluginID = "inventory"
    public static let summary = "manager: server -> gateway map, agents and online state from the gateways' reports; their audit events"

    let config: Config
    let location: StoreLocation
    let admission: ReportAdmission
    let bus: Bus
    let logger: Logger
    let gate = StoreGate()
    let now: @Sendable () -> Date
    /// The last report of each gateway, to log only changes.
    private var lastReports: [NodeID: [ManagerInventory.Agent]] = [:]

    public init(config: Config, context: PluginContext) throws {
        guard (1...100).contains(config.missedHeartbeats) else {
            throw InventoryConfigError(description: "missedHeartbeats must be 1...100, not \(config.missedHeartbeats)")
        }
        guard (1...10_000).contains(config.maximumEventsPerDelivery) else {
            throw InventoryConfigError(description: "maximumEventsPerDelivery must be 1...10000, not \(config.maximumEventsPerDelivery)")
        }
        var location: StoreLocation
        do {
            location = try StoreLocation(parsing: config.storage)
        } catch {
            throw InventoryConfigError(description: "storage: \(error.message)")
        }
        if case .sqlite(let path) = location, path != ":memory:" { location = .sqlite(path: context.resolvePath(path).path) }
        self.config = config
        self.location = location
        self.admission = ReportAdmission(allowedGateways: Set(config.gateways))
        self.bus = context.bus
        self.logger = context.logger
        self.now = { Date() }
    }

    public nonisolated func routes(_ routes: inout Routes) {
        routes.answer(ManagerInventory.Report.self) { report, caller in try await self.record(report, from: caller) }
        routes.answer(AuditTrail.Deliver.self) { delivery, caller in try await self.store(delivery, from: caller) }
        routes.answer(Manager.ListGateways.self) { request, _ in try await self.listGateways(request) }
        routes.answer(Manager.ListAgents.self) { request, _ in try await self.listAgents(request) }
    }

    public func run() async throws {
        // `auth` opens and migrates the same database: let it finish first (two SQLite
        // connections creating a new file at once can fail). Without a local auth: go on.
        _ = try? await bus.ask(Manager.JWKS(), to: .node(bus.node), timeout: .seconds(60))
        let store: SQLStore
        do {
            store = try await SQLStore.open(location, logger: logger)
        } catch {
            await gate.close(.unavailable(error.message))
            throw error
        }
        await gate.open(store)
        logger.info("inventory ready", metadata: ["storage": "\(location)"])
        for await change in bus.linkChanges().cancelOnGracefulShutdown() {
            if case .down(let node) = change { await linkDropped(node, store: store) }
        }
        await gate.close(.unavailable("the inventory plugin has stopped"))
        await store.close()
    }

    /// A gateway whose link drops is offline at once (no need to wait for missed heartbeats).
    private func linkDropped(_ node: NodeID, store: SQLStore) async {
        guard lastReports.removeValue(forKey: node) != nil else { return }
        do {
            try await store.markGatewayOffline(id: node.rawValue, at: now())
            logger.info("gateway offline", metadata: ["inventory.gateway": "\(node)", "inventory.reason": "link down"])
        } catch {
            logger.warning("cannot mark a gateway offline", metadata: ["inventory.gateway": "\(node)", "error": "\(error)"])
        }
    }

    func record(_ report: ManagerInventory.Report, from caller: Caller) async throws -> ManagerInventory.Report.Reply {
        let store = try await gate.get()
        try await admit(report.gateway, caller: caller, agents: report.agents.map(\.node), action: "inventory.report", store: store)
        let offlineAfter = ReportConversion.offlineAfterSeconds(heartbeatSeconds: report.heartbeatSeconds, missedHeartbeats: config.missedHeartbeats)
        let count: Int
        do {
            count = try await store.recordGatewayReport(ReportConversion.gatewayReport(report, at: now(), offlineAfterSeconds: offlineAfter))
        } catch .invalid(let why) {
            throw InventoryError.badRequest("the report of \(report.gateway) was not recorded: \(why)")
        } catch {
            throw InventoryError.unavailable(error.message)
        }
        if lastReports[report.gateway] != report.agents {
            lastReports[report.gateway] = report.agents
            logger.info("inventory reported", metadata: [
                "inventory.gateway": "\(report.gateway)", "inventory.agents": "\(report.agents.count)",
                "inventory.online": "\(report.agents.filter(\.online).count)", "inventory.servers": "\(count)",
            ])
        }
        return .init(servers: count, offlineAfterSeconds: offlineAfter)
    }

    func store(_ delivery: AuditTrail.Deliver, from caller: Caller) async throws -> AuditTrail.Deliver.Reply {
        let store = try await gate.get()
        try await admit(delivery.gateway, caller: caller, action: "audit.deliver", store: store)
        guard delivery.events.count <= config.maximumEventsPerDelivery else {
            throw InventoryError.badRequest("at most \(config.maximumEventsPerDelivery) audit events per delivery, not \(delivery.events.count)")
        }
        for event in delivery.events {
            do {
                try await store.appendAudit(ReportConversion.auditEvent(event, gateway: delivery.gateway))
            } catch {
                throw InventoryError.unavailable("audit events of \(delivery.gateway) not stored: \(error.message)")
            }
        }
        return .init(stored: delivery.events.count)
    }

    /// Refuses (and audits) a caller that may not speak for `gateway`.
    private func admit(_ gateway: NodeID, caller: Caller, agents: [NodeID] = [], action: String, store: any ManagerStore) async throws {
        let known: [AgentPresence]
        let reporting: [GatewayPresence]
        do {
            known = try await store.agentPresence()
            reporting = try await store.gatewayPresence()
        } catch {
            throw InventoryError.unavailable(error.message)
        }
        let refusal = admission.refusal(
            gateway: gateway, caller: caller.from.node, agents: agents,
            knownAgents: Dictionary(known.map { ($0.node, $0.gatewayID) }, uniquingKeysWith: { first, _ in first }),
            reportingGateways: Set(reporting.filter { $0.lastSeen != nil }.map(\.id)))
        guard let refusal else { return }
        logger.warning("gateway report refused", metadata: ["inventory.caller": "\(caller.from)", "inventory.reason": "\(refusal)"])
        _ = try? await store.appendAudit(AuditEvent(
            at: now(), actor: ReportConversion.clean(caller.from.description, 200), action: action, outcome: .denied, detail: refusal))
        throw InventoryError.denied(refusal)
    }

    func listGateways(_ request: Manager.ListGateways) async throws -> Manager.ListGateways.Reply {
        let caller = try await authenticate(request.loginToken, action: "gateways.list", source: request.source)
        let store = try await gate.get()
        guard caller.superadmin else {
            _ = try? await store.appendAudit(AuditEvent(
                at: now(), actor: caller.userID, action: "gateways.list", outcome: .denied, source: request.source, detail: "not a superadmin"))
            throw InventoryError.denied("only superadmins may list gateways")
        }
        do {
            let servers = try await store.servers(tenantIDs: nil)
            return .init(gateways: InventoryViews.gateways(
                try await store.gatewayPresence(), agents: try await store.agentPresence(), servers: servers, now: now()))
        } catch {
            throw InventoryError.unavailable(error.message)
        }
    }

    func listAgents(_ request: Manager.ListAgents) async throws -> Manager.ListAgents.Reply {
        let caller = try await authenticate(request.loginToken, action: "agents.list", source: request.source)
        let store = try await gate.get()
        let tenants: Set<String>? = caller.superadmin ? nil : Set(caller.roles.filter { $0.value == .admin }.keys)
        if let tenants, tenants.isEmpty {
            _ = try? await store.appendAudit(AuditEvent(
                at: now(), actor: caller.userID, action: "agents.list", outcome: .denied, source: request.source, detail: "not an admin"))
            throw InventoryError.denied("only tenant admins and superadmins may list agents")
        }
        do {
            return .init(agents: InventoryViews.agents(
                try await store.agentPresence(), gateways: try await store.gatewayPresence(), servers: try await store.servers(tenantIDs: nil),
                tenants: tenants, now: now()))
        } catch {
            throw InventoryError.unavailable(error.message)
        }
    }

    /// The login token's user, from this node's `auth` (which audits a refused token).
    private func authenticate(_ token: String, action: String, source: String) async throws -> Manager.Authenticate.Reply {
        try await bus.ask(Manager.Authenticate(loginToken: token, action: action, source: source), to: .node(bus.node))
    }
}
