import Auth
import Foundation
import Storage
import TetherAPIProto

/// The manager's bus replies in their `tether.v1` (manager.proto) form.
extension Tether_V1_IssuedToken {
    init(_ token: Manager.IssuedToken) {
        self.init()
        self.token = token.token
        expiresAt = Int64(token.expiresAt.timeIntervalSince1970.rounded(.down))
        kind = token.kind.rawValue
    }
}

extension Tether_V1_ManagedServer {
    init(_ view: Manager.ServerView) {
        self.init()
        id = view.id
        if let tenant = view.tenant { self.tenant = tenant }
        if let gateway = view.gateway { self.gateway = gateway }
        capabilities = view.capabilities
        actions = view.actions.map(\.rawValue)
        if let online = view.online { self.online = online }
        if let agent = view.agent { self.agent = agent }
        if let lastSeen = view.lastSeen { self.lastSeen = Int64(lastSeen.timeIntervalSince1970.rounded(.down)) }
    }
}

extension Tether_V1_ManagedGateway {
    init(_ view: Manager.GatewayView) {
        self.init()
        id = view.id
        if let url = view.url { self.url = url }
        online = view.online
        if let lastSeen = view.lastSeen { self.lastSeen = Int64(lastSeen.timeIntervalSince1970.rounded(.down)) }
        agents = Int64(view.agents)
        servers = Int64(view.servers)
    }
}

extension Tether_V1_ManagedAgent {
    init(_ view: Manager.AgentView) {
        self.init()
        node = view.node
        if let gateway = view.gateway { self.gateway = gateway }
        if let version = view.version { self.version = version }
        online = view.online
        lastSeen = Int64(view.lastSeen.timeIntervalSince1970.rounded(.down))
        servers = view.servers
    }
}

extension Tether_V1_AuditRecord {
    init(_ event: AuditEvent) {
        self.init()
        id = event.id ?? 0
        atMs = Int64((event.at.timeIntervalSince1970 * 1000).rounded(.down))
        actor = event.actor
        action = event.action
        outcome = switch event.outcome {
        case .ok: .ok
        case .failed: .failed
        case .denied: .denied
        }
        if let tenant = event.tenantID { self.tenant = tenant }
        if let server = event.serverID { self.server = server }
        if let source = event.source { self.source = source }
        detail = event.detail
    }
}

extension Date {
    /// A time given in milliseconds since 1970 (the audit filters of manager.proto).
    init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
