import Foundation
import Storage

extension AuthService {
    func startOIDC(_ request: Manager.OIDCStart) async throws(AuthError) -> Manager.OIDCStart.Reply {
        guard let oidc else { throw .notFound("OIDC login (not configured)") }
        let (url, state) = try await oidc.start(redirectURI: request.redirectURI)
        return Manager.OIDCStart.Reply(authorizationURL: url, state: state)
    }

    /// Finishes an OIDC login: the identity's groups decide its roles, replaced at every login.
    func finishOIDC(_ request: Manager.OIDCFinish) async throws(AuthError) -> Manager.IssuedToken {
        guard let oidc else { throw .notFound("OIDC login (not configured)") }
        let identity: OIDCIdentity
        do {
            identity = try await oidc.finish(code: request.code, state: request.state)
        } catch {
            await audit(actor: "anonymous", action: "login", outcome: .failed, source: request.source, detail: "oidc: \(error.message)")
            throw error
        }
        let mapping = oidc.settings.mapping
        let roles = mapping.roles(for: identity.groups)
        let superadmin = mapping.isSuperadmin(identity.groups)
        guard superadmin || !roles.isEmpty else {
            await audit(actor: identity.subject, action: "login", outcome: .denied, source: request.source, detail: "oidc: no group maps to a role")
            throw .denied("none of your groups (\(identity.groups.joined(separator: ", "))) gives a role here; ask an administrator")
        }
        let proposed = User(id: "oidc-" + RandomToken.make(), name: try await freeName(identity.displayName), superadmin: superadmin, origin: .oidc)
        var user = try await stored { () async throws(StoreError) in
            try await store.provisionExternalUser(
                issuer: identity.issuer, subject: identity.subject, proposed: proposed,
                memberships: roles.map { Membership(userID: proposed.id, tenantID: $0.key, role: $0.value) })
        }
        if user.superadmin != superadmin {
            try await stored { () async throws(StoreError) in try await store.setSuperadmin(superadmin, userID: user.id) }
            user.superadmin = superadmin
        }
        let token = try await issueLogin(for: user, authTime: now())
        await audit(actor: user.id, action: "login", outcome: .ok, source: request.source, detail: "oidc: \(identity.displayName)")
        return token
    }

    /// The display name, or with a suffix when a local user already holds it.
    private func freeName(_ name: String) async throws(AuthError) -> String {
        let base = String(name.prefix(180))
        for attempt in 0..<5 {
            let candidate = attempt == 0 ? base : "\(base)-\(RandomToken.make(bytes: 3))"
            if try await stored({ () async throws(StoreError) in try await store.user(named: candidate) }) == nil { return candidate }
        }
        return "\(base)-\(RandomToken.make(bytes: 8))"
    }
}
