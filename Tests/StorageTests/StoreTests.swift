import Foundation
import Storage
import Testing

@Suite struct StoreTests {
    @Test(arguments: Backend.allCases)
    func tenantsUsersAndMemberships(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.createTenant(Tenant(id: "acme", name: "Acme"))
            try await store.createTenant(Tenant(id: "globex", name: "Globex"))
            await #expect(throws: StoreError.conflict("tenant acme")) { try await store.createTenant(Tenant(id: "acme", name: "Again")) }
            #expect(try await store.tenants().map(\.id) == ["acme", "globex"])

            try await store.createUser(User(id: "u1", name: "ann", passwordHash: "$scrypt$1"))
            await #expect(throws: StoreError.conflict("user ann")) { try await store.createUser(User(id: "u9", name: "ann")) }
            #expect(try await store.user(named: "ann")?.id == "u1")
            #expect(try await store.user(id: "nobody") == nil)
            try await store.setPasswordHash("$scrypt$2", userID: "u1")
            try await store.setSuperadmin(true, userID: "u1")
            #expect(try await store.user(id: "u1") == User(id: "u1", name: "ann", passwordHash: "$scrypt$2", superadmin: true))
            await #expect(throws: StoreError.notFound("user zz")) { try await store.setPasswordHash(nil, userID: "zz") }

            try await store.setMembership(Membership(userID: "u1", tenantID: "acme", role: .viewer))
            try await store.setMembership(Membership(userID: "u1", tenantID: "acme", role: .operator))
            try await store.setMembership(Membership(userID: "u1", tenantID: "globex", role: .admin))
            #expect(try await store.memberships(userID: "u1") == [
                Membership(userID: "u1", tenantID: "acme", role: .operator), Membership(userID: "u1", tenantID: "globex", role: .admin),
            ])
            await #expect(throws: StoreError.self) {
                try await store.setMembership(Membership(userID: "u1", tenantID: "no-such-tenant", role: .admin))
            }
            try await store.removeMembership(userID: "u1", tenantID: "globex")
            #expect(try await store.memberships(userID: "u1").map(\.tenantID) == ["acme"])
        }
    }

    @Test(arguments: Backend.allCases)
    func provisioningAnExternalUserIsAllOrNothing(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.createTenant(Tenant(id: "acme", name: "Acme"))
            let proposed = User(id: "o1", name: "alice", origin: .oidc)
            let first = try await store.provisionExternalUser(
                issuer: "https://idp", subject: "alice", proposed: proposed,
                memberships: [Membership(userID: "", tenantID: "acme", role: .admin)])
            #expect(first == proposed)
            #expect(try await store.memberships(userID: "o1") == [Membership(userID: "o1", tenantID: "acme", role: .admin)])
            // The same subject again: the same user, memberships replaced.
            let second = try await store.provisionExternalUser(
                issuer: "https://idp", subject: "alice", proposed: User(id: "o2", name: "alice2", origin: .oidc),
                memberships: [Membership(userID: "", tenantID: "acme", role: .viewer)])
            #expect(second.id == "o1")
            #expect(try await store.memberships(userID: "o1").map(\.role) == [.viewer])
            // A failure half-way (unknown tenant) rolls everything back.
            await #expect(throws: StoreError.self) {
                try await store.provisionExternalUser(
                    issuer: "https://idp", subject: "carol", proposed: User(id: "o3", name: "carol", origin: .oidc),
                    memberships: [Membership(userID: "", tenantID: "no-such-tenant", role: .viewer)])
            }
            #expect(try await store.user(id: "o3") == nil)
            #expect(try await store.user(issuer: "https://idp", subject: "carol") == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func serversGatewaysAndAgents(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.createTenant(Tenant(id: "acme", name: "Acme"))
            try await store.createTenant(Tenant(id: "globex", name: "Globex"))
            try await store.reportServer(id: "web-01", gatewayID: "gw-eu1", capabilities: ["ipmi", "serial-ipmi"])
            try await store.reportServer(id: "db-01", gatewayID: "gw-us1", capabilities: [])
            try await store.assignServer(id: "web-01", tenantID: "acme")
            try await store.assignServer(id: "db-01", tenantID: "globex")
            // A new report (the agent moved gateway) keeps the owner.
            try await store.reportServer(id: "web-01", gatewayID: "gw-eu2", capabilities: ["redfish"])
            #expect(try await store.server(id: "web-01") == ManagedServer(id: "web-01", tenantID: "acme", gatewayID: "gw-eu2", capabilities: ["redfish"]))
            #expect(try await store.servers(tenantIDs: ["acme"]).map(\.id) == ["web-01"])
            #expect(try await store.servers(tenantIDs: ["globex", "acme"]).map(\.id) == ["db-01", "web-01"])
            #expect(try await store.servers(tenantIDs: []).isEmpty)
            #expect(try await store.servers(tenantIDs: nil).count == 2)
            #expect(try await store.gateways().map(\.id) == ["gw-eu1", "gw-eu2", "gw-us1"])
            await #expect(throws: StoreError.notFound("tenant nope")) { try await store.assignServer(id: "web-01", tenantID: "nope") }
            await #expect(throws: StoreError.notFound("server nope")) { try await store.assignServer(id: "nope", tenantID: "acme") }
            await #expect(throws: StoreError.self) { try await store.reportServer(id: "x", gatewayID: nil, capabilities: ["a,b"]) }

            let now = Date(millisecondsSince1970: 1_700_000_000_000)
            try await store.upsertGateway(Gateway(id: "gw-eu1", url: "https://gw-eu1.example:8443", lastSeen: now))
            #expect(try await store.gateways().first == Gateway(id: "gw-eu1", url: "https://gw-eu1.example:8443", lastSeen: now))
            try await store.upsertAgent(Agent(node: "agent-dc1", gatewayID: "gw-eu1", enrolment: "sha256:ab", enrolledAt: now))
            try await store.revokeAgent(node: "agent-dc1")
            #expect(try await store.agent(node: "agent-dc1") == Agent(node: "agent-dc1", gatewayID: "gw-eu1", enrolment: "sha256:ab", enrolledAt: now, revoked: true))
            await #expect(throws: StoreError.notFound("agent ghost")) { try await store.revokeAgent(node: "ghost") }
        }
    }

    @Test(arguments: Backend.allCases)
    func signingKeysRetireAndExpire(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let t0 = Date(millisecondsSince1970: 1_700_000_000_000)
            try await store.insertSigningKey(StoredSigningKey(kid: "k1", algorithm: "ES256", privateKey: "PEM1", publicJWK: "{}", createdAt: t0))
            try await store.insertSigningKey(StoredSigningKey(kid: "k2", algorithm: "ES256", privateKey: "PEM2", publicJWK: "{}", createdAt: t0 + 60))
            await #expect(throws: StoreError.self) {
                try await store.insertSigningKey(StoredSigningKey(kid: "k1", algorithm: "ES256", privateKey: "x", publicJWK: "{}", createdAt: t0))
            }
            try await store.retireSigningKey(kid: "k1", at: t0 + 60, expiresAt: t0 + 960)
            let keys = try await store.signingKeys()
            #expect(keys.map(\.kid) == ["k1", "k2"])
            #expect(keys[0].retiredAt == t0 + 60 && keys[0].expiresAt == t0 + 960 && keys[0].privateKey == "PEM1")
            #expect(keys[1].retiredAt == nil)
            #expect(try await store.deleteSigningKeys(expiredBefore: t0 + 900) == 0)
            #expect(try await store.deleteSigningKeys(expiredBefore: t0 + 961) == 1)
            #expect(try await store.signingKeys().map(\.kid) == ["k2"])
        }
    }

    @Test(arguments: Backend.allCases)
    func auditIsAppendOnlyAndPagesNewestFirst(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let at = Date(millisecondsSince1970: 1_700_000_000_000)
            var ids: [Int64] = []
            for index in 0..<5 {
                ids.append(try await store.appendAudit(AuditEvent(
                    at: at, actor: "u\(index)", action: "login", outcome: index.isMultiple(of: 2) ? .ok : .failed,
                    tenantID: index < 3 ? "acme" : "globex", serverID: nil, source: "127.0.0.1", detail: "n=\(index)")))
            }
            #expect(ids == ids.sorted() && Set(ids).count == 5)
            let all = try await store.audit(AuditFilter(limit: 10))
            #expect(all.map(\.actor) == ["u4", "u3", "u2", "u1", "u0"])
            #expect(all.last == AuditEvent(id: ids[0], at: at, actor: "u0", action: "login", outcome: .ok, tenantID: "acme", source: "127.0.0.1", detail: "n=0"))
            #expect(try await store.audit(AuditFilter(tenantIDs: ["globex"])).map(\.actor) == ["u4", "u3"])
            #expect(try await store.audit(AuditFilter(tenantIDs: ["acme"], beforeID: ids[2], limit: 1)).map(\.actor) == ["u1"])
            #expect(try await store.audit(AuditFilter(tenantIDs: [])).isEmpty)
            await #expect(throws: StoreError.self) { try await store.audit(AuditFilter(limit: 0)) }

            let database = store.database
            await #expect(throws: StoreError.self) { try await database.query("UPDATE audit SET actor = $1", [.text("mallory")]) }
            await #expect(throws: StoreError.self) { try await database.query("DELETE FROM audit") }
            #expect(try await store.audit(AuditFilter(limit: 10)).map(\.actor) == ["u4", "u3", "u2", "u1", "u0"])
        }
    }

    @Test(arguments: Backend.allCases)
    func sqlMetacharactersAreStoredVerbatim(_ backend: Backend) async throws {
        let nasty = ["x'); DROP TABLE users; --", "a\"b", "50%_off", "semi;colon", "back\\slash", "$1 ?1 :name", "ünï'cödé"]
        try await backend.withStore { store in
            for (index, text) in nasty.enumerated() {
                try await store.createTenant(Tenant(id: "t\(index)", name: text))
                try await store.createUser(User(id: text, name: text, passwordHash: text))
                try await store.reportServer(id: text, gatewayID: text, capabilities: [])
                try await store.appendAudit(AuditEvent(at: Date(), actor: text, action: "test", outcome: .ok, tenantID: text, detail: text))
                #expect(try await store.user(named: text)?.passwordHash == text)
                #expect(try await store.server(id: text)?.gatewayID == text)
                #expect(try await store.tenant(id: "t\(index)")?.name == text)
            }
            #expect(try await store.user(named: "' OR '1'='1") == nil)
            #expect(try await store.servers(tenantIDs: ["' OR 1=1 --"]).isEmpty)
            #expect(try await store.audit(AuditFilter(tenantIDs: nasty, limit: 100)).count == nasty.count)
            #expect(try await store.tenants().count == nasty.count)
        }
    }

    @Test(arguments: Backend.allCases)
    func refusesEmptyOverlongAndControlCharacterNames(_ backend: Backend) async throws {
        try await backend.withStore { store in
            for bad in ["", String(repeating: "x", count: 201), "tab\there", "nul\u{0}"] {
                await #expect(throws: StoreError.self) { try await store.createTenant(Tenant(id: bad, name: "n")) }
                await #expect(throws: StoreError.self) { try await store.createUser(User(id: "u", name: bad)) }
            }
            let tenants = try await store.tenants()
            #expect(tenants.isEmpty)
        }
    }
}
