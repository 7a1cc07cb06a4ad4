import Foundation
import Storage

extension AuthService {
    /// A session token for one server, audience its gateway, with the actions asked for (or
    /// all the caller holds). Invisible servers answer "not found"; every refusal is audited.
    func issueSessionToken(_ request: Manager.IssueSessionToken) async throws(AuthError) -> Manager.IssueSessionToken.Reply {
        let action = "token.session"
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: action)
        let server = try await visibleServer(request.server, for: principal, action: action, source: request.source)
        let held = authorization.actions(of: principal, on: server)
        let wanted = Set(request.actions ?? Array(held))
        guard !wanted.isEmpty, wanted.isSubset(of: held) else {
            let refused = wanted.subtracting(held).map(\.rawValue).sorted().joined(separator: ", ")
            await audit(
                actor: principal.userID, action: action, outcome: .denied, tenant: server.tenantID, server: server.id, source: request.source,
                detail: "not allowed: \(refused.isEmpty ? "no actions" : refused)")
            throw .denied("your role on \(server.id) does not allow \(refused.isEmpty ? "any action" : refused)")
        }
        guard let gateway = server.gatewayID else {
            throw .unavailable("server \(server.id) is not connected to any gateway yet")
        }
        let actions = wanted.sorted()
        let issued = now()
        let claims = SessionClaims(
            iss: settings.issuer, sub: principal.userID, aud: gateway, exp: Int64(issued.addingTimeInterval(settings.sessionLifetime).timeIntervalSince1970),
            iat: Int64(issued.timeIntervalSince1970), jti: RandomToken.make(), tenant: server.tenantID ?? "", server: server.id, actions: actions)
        let token = try await keys.currentSigner().sign(claims)
        let gatewayURL = try await stored { () async throws(StoreError) in try await store.gateways() }.first { $0.id == gateway }?.url
        await audit(
            actor: principal.userID, action: action, outcome: .ok, tenant: server.tenantID, server: server.id, source: request.source,
            detail: "actions: \(actions.map(\.rawValue).joined(separator: ",")); gateway: \(gateway)")
        return Manager.IssueSessionToken.Reply(
            token: Manager.IssuedToken(token: token, expiresAt: Date(timeIntervalSince1970: TimeInterval(claims.exp)), kind: .session),
            gateway: gateway, gatewayURL: gatewayURL, actions: actions)
    }

    /// The servers the caller may see, each with its actions.
    func listServers(_ request: Manager.ListServers) async throws(AuthError) -> Manager.ListServers.Reply {
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: "servers.list")
        let tenants = authorization.visibleTenants(principal)
        let servers = try await stored { () async throws(StoreError) in try await store.servers(tenantIDs: tenants) }
        return Manager.ListServers.Reply(servers: servers.filter { authorization.canSee(principal, $0) }.map { view($0, for: principal) })
    }

    func showServer(_ request: Manager.ShowServer) async throws(AuthError) -> Manager.ServerView {
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: "servers.show")
        let server = try await visibleServer(request.server, for: principal, action: "servers.show", source: request.source)
        return view(server, for: principal)
    }

    /// The server if it exists and the caller may see it; otherwise "not found", audited.
    func visibleServer(_ id: String, for principal: Principal, action: String, source: String) async throws(AuthError) -> ManagedServer {
        guard !id.isEmpty, id.count <= 200 else { throw .badRequest("a server ID is 1...200 characters") }
        let server = try await stored { () async throws(StoreError) in try await store.server(id: id) }
        guard let server, authorization.canSee(principal, server) else {
            await audit(
                actor: principal.userID, action: action, outcome: .denied, tenant: server?.tenantID, server: id, source: source,
                detail: server == nil ? "no such server" : "server of another tenant")
            throw .notFound("server \(id)")
        }
        return server
    }

    func view(_ server: ManagedServer, for principal: Principal) -> Manager.ServerView {
        Manager.ServerView(
            id: server.id, tenant: server.tenantID, gateway: server.gatewayID, capabilities: server.capabilities,
            actions: authorization.actions(of: principal, on: server).sorted(), online: server.online, agent: server.agentNode, lastSeen: server.lastSeen)
    }
}
