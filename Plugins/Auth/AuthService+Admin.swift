import Foundation
import Storage

extension AuthService {
    /// Audit records: all for a superadmin, the tenants it administers for an admin; others
    /// (and an admin asking for a tenant it does not administer) are refused, audited.
    func queryAudit(_ request: Manager.QueryAudit) async throws(AuthError) -> Manager.QueryAudit.Reply {
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: "audit.query")
        guard (1...1000).contains(request.limit) else { throw .badRequest("limit must be 1...1000") }
        for (name, value) in [("tenant", request.tenant), ("server", request.server), ("action", request.action)] {
            if let value, value.isEmpty || value.count > 200 { throw .badRequest("\(name) must be 1...200 characters") }
        }
        if let since = request.since, let until = request.until, since >= until { throw .badRequest("since must be before until") }
        let tenants: [String]?
        if principal.superadmin {
            tenants = request.tenant.map { [$0] }
        } else {
            let administered = principal.roles.filter { $0.value == .admin }.keys.sorted()
            guard !administered.isEmpty else {
                await audit(actor: principal.userID, action: "audit.query", outcome: .denied, source: request.source, detail: "not an admin")
                throw .denied("only tenant admins and superadmins may read the audit log")
            }
            if let tenant = request.tenant, !administered.contains(tenant) {
                await audit(
                    actor: principal.userID, action: "audit.query", outcome: .denied, tenant: tenant, source: request.source,
                    detail: "not an admin of this tenant")
                throw .denied("you may read the audit records of \(administered.joined(separator: ", ")) only")
            }
            tenants = request.tenant.map { [$0] } ?? administered
        }
        let filter = AuditFilter(
            tenantIDs: tenants, serverID: request.server, action: request.action, since: request.since, until: request.until,
            beforeID: request.beforeID, afterID: request.afterID, oldestFirst: request.afterID != nil, limit: request.limit)
        let events = try await stored { () async throws(StoreError) in try await store.audit(filter) }
        return Manager.QueryAudit.Reply(events: events)
    }

    /// Rotates the signing key (superadmin only).
    func rotateKey(_ request: Manager.RotateKey) async throws(AuthError) -> Manager.RotateKey.Reply {
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: "keys.rotate")
        guard principal.superadmin else {
            await audit(actor: principal.userID, action: "keys.rotate", outcome: .denied, source: request.source, detail: "not a superadmin")
            throw .denied("only superadmins may rotate the signing key")
        }
        let kid = try await keys.rotate()
        await audit(actor: principal.userID, action: "keys.rotate", outcome: .ok, source: request.source, detail: "new kid \(kid)")
        return Manager.RotateKey.Reply(kid: kid)
    }
}
