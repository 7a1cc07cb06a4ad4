import Auth
import Foundation
import Storage

/// What `GET /v1/gateways` and `GET /v1/agents` show. Pure: from the store's rows and now.
enum InventoryViews {
    static func gateways(_ gateways: [GatewayPresence], agents: [AgentPresence], servers: [ManagedServer], now: Date) -> [Manager.GatewayView] {
        gateways.map { gateway in
            Manager.GatewayView(
                id: gateway.id, url: gateway.url, online: gateway.isOnline(at: now), lastSeen: gateway.lastSeen,
                agents: agents.filter { $0.gatewayID == gateway.id }.count,
                servers: servers.filter { $0.gatewayID == gateway.id && $0.agentNode != nil }.count)
        }
    }

    /// Every agent for `tenants == nil` (a superadmin); otherwise only agents serving a server
    /// of those tenants, listing only those servers.
    static func agents(
        _ agents: [AgentPresence], gateways: [GatewayPresence], servers: [ManagedServer], tenants: Set<String>?, now: Date
    ) -> [Manager.AgentView] {
        let gatewaysByID = Dictionary(gateways.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return agents.compactMap { agent in
            let served = servers.filter { server in
                server.agentNode == agent.node && (tenants.map { visible in server.tenantID.map(visible.contains) ?? false } ?? true)
            }
            if tenants != nil, served.isEmpty { return nil }
            return Manager.AgentView(
                node: agent.node, gateway: agent.gatewayID, version: agent.version,
                online: agent.isOnline(gateway: agent.gatewayID.flatMap { gatewaysByID[$0] }, at: now), lastSeen: agent.lastSeen,
                servers: served.map(\.id).sorted())
        }
    }
}
