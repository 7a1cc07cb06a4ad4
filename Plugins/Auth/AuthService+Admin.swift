import Foundation
import Storage

extension AuthService {
    /// Audit records: all for a superadmin, the tenants it administers for an admin; others are refused.
    func queryAudit(_ request: Manager.QueryAudit) async throws(AuthError) -> Manager.QueryAudit.Reply {
        let principal = try await principal(loginToken: request.loginToken, source: request.source, action: "audit.query")
        guard (1...1000).contains(request.limit) else { throw .badRequest("limit must be 1...1000") }
        let tenants: [String]?
        if principal.superadmin {
            tenants = nil
        } else {
            tenants = principal.roles.filter { $0.value == .admin }.keys.sorted()
            guard tenants?.isEmpty == false else {
                await audit(actor: principal.userID, action: "audit.query", outcome: .denied, source: request.source, detail: "not an admin")
                throw .denied("only tenant admins and superadmins may read the audit log")
            }
        }
        let events = try await stored { () async throws(StoreError) in
            try await store.audit(AuditFilter(tenantIDs: tenants, beforeID: request.beforeID, limit: request.limit))
        }
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
