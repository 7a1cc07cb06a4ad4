import Foundation
import Storage

extension AuthService {
    /// Creates the configured tenants, users and servers when missing (idempotent), and the
    /// tenants the OIDC group mapping names.
    func bootstrap() async throws(AuthError) {
        let plan = settings.bootstrap
        let tenantIDs = plan.tenants.map(\.id) + (oidc?.settings.mapping.tenants ?? [])
        for id in tenantIDs where try await stored({ () async throws(StoreError) in try await store.tenant(id: id) }) == nil {
            let name = plan.tenants.first { $0.id == id }?.name ?? id
            try await stored { () async throws(StoreError) in try await store.createTenant(Tenant(id: id, name: name)) }
        }
        for entry in plan.users { try await bootstrap(user: entry) }
        for entry in plan.servers {
            try await stored { () async throws(StoreError) in
                if try await store.server(id: entry.id) == nil || entry.gateway != nil || entry.capabilities != nil {
                    let existing = try await store.server(id: entry.id)
                    try await store.reportServer(
                        id: entry.id, gatewayID: entry.gateway ?? existing?.gatewayID, capabilities: entry.capabilities ?? existing?.capabilities ?? [])
                }
                if let tenant = entry.tenant { try await store.assignServer(id: entry.id, tenantID: tenant) }
            }
        }
    }

    private func bootstrap(user entry: AuthPlugin.BootstrapUser) async throws(AuthError) {
        let hasher = settings.hasher
        let password = try Self.password(of: entry)
        var user = try await stored { () async throws(StoreError) in try await store.user(named: entry.name) }
        if user == nil {
            let hash: String? = try password.map { password throws(AuthError) in try hasher.hash(password) }
            let created = User(id: "local-" + RandomToken.make(), name: entry.name, passwordHash: hash, superadmin: entry.superadmin ?? false)
            try await stored { () async throws(StoreError) in try await store.createUser(created) }
            user = created
        } else if let existing = user, let password {
            // A changed secret replaces the stored hash; an unchanged one costs one verification.
            let current = existing.passwordHash
            let matches = await offload { current.map { hasher.verify(password, against: $0) } ?? false }
            if !matches {
                let hash = try hasher.hash(password)
                try await stored { () async throws(StoreError) in try await store.setPasswordHash(hash, userID: existing.id) }
            }
        }
        guard let user else { return }
        if let superadmin = entry.superadmin, superadmin != user.superadmin {
            try await stored { () async throws(StoreError) in try await store.setSuperadmin(superadmin, userID: user.id) }
        }
        for membership in entry.memberships ?? [] {
            try await stored { () async throws(StoreError) in
                try await store.setMembership(Membership(userID: user.id, tenantID: membership.tenant, role: membership.role))
            }
        }
    }

    /// The bootstrap password: inline (already resolved from `${ENV}`/`file:`) or read now
    /// from `passwordFile` (one trailing newline dropped).
    static func password(of entry: AuthPlugin.BootstrapUser) throws(AuthError) -> String? {
        guard let path = entry.passwordFile else { return entry.password }
        guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
            throw .badRequest("bootstrap user \(entry.name): cannot read passwordFile \(path)")
        }
        if text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else { throw .badRequest("bootstrap user \(entry.name): passwordFile \(path) is empty") }
        return text
    }
}
