import Foundation
import Storage

extension AuthService {
    /// Assigns a server to a tenant or unassigns it (superadmins only). The store changes the
    /// owner and reports the previous one in one transaction, so the audit record's
    /// `old -> new` is exact even with concurrent changes.
    func assignServer(_ request: Manager.AssignServer) async throws(AuthError) -> Manager.AssignServer.Reply {
        let action = request.tenant == nil ? "server.unassign" : "server.assign"
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: action)
        guard principal.superadmin else {
            await audit(
                actor: principal.userID, action: action, outcome: .denied, server: String(request.server.prefix(200)), source: request.source,
                detail: "not a superadmin")
            throw .denied("only superadmins may assign servers to tenants")
        }
        guard !request.server.isEmpty, request.server.count <= 200 else { throw .badRequest("a server ID is 1...200 characters") }
        if let tenant = request.tenant, tenant.isEmpty || tenant.count > 200 {
            throw .badRequest("a tenant ID is 1...200 characters")
        }
        let change = request.tenant.map { "to tenant \($0)" } ?? "unassigned"
        let previous: String?
        do {
            previous = try await stored { () async throws(StoreError) in try await store.assignServer(id: request.server, tenantID: request.tenant) }
        } catch {
            await audit(
                actor: principal.userID, action: action, outcome: .failed, tenant: request.tenant, server: request.server, source: request.source,
                detail: "\(change): \(error.message)")
            throw error
        }
        await audit(
            actor: principal.userID, action: action, outcome: .ok, tenant: request.tenant ?? previous, server: request.server, source: request.source,
            detail: "tenant: \(previous ?? "none") -> \(request.tenant ?? "none")")
        return Manager.AssignServer.Reply(server: request.server, tenant: request.tenant, previousTenant: previous)
    }
}
