import Foundation
import Storage
import Testing

/// The audit filters of `GET /v1/audit` and the stream, and the ownership change of
/// `PUT /v1/servers/{id}/tenant`, on both backends.
@Suite struct AuditFilterTests {
    @Test(arguments: Backend.allCases)
    func filtersByServerActionTimeAndID(_ backend: Backend) async throws {
        try await backend.withStore { store in
            let t0 = Date(millisecondsSince1970: 1_700_000_000_000)
            let rows: [(String, String?, String?)] = [
                ("login", nil, nil), ("token.session", "acme", "web-01"), ("token.session", "globex", "db-01"),
                ("server.assign", "acme", "db-01"), ("token.session", "acme", "web-01"),
            ]
            var ids: [Int64] = []
            for (index, (action, tenant, server)) in rows.enumerated() {
                ids.append(try await store.appendAudit(AuditEvent(
                    at: t0.addingTimeInterval(Double(index) * 0.001), actor: "u\(index)", action: action, outcome: .ok, tenantID: tenant, serverID: server)))
            }
            func actors(_ filter: AuditFilter) async throws -> [String] { try await store.audit(filter).map(\.actor) }
            #expect(try await actors(AuditFilter(serverID: "web-01")) == ["u4", "u1"])
            #expect(try await actors(AuditFilter(action: "token.session")) == ["u4", "u2", "u1"])
            #expect(try await actors(AuditFilter(tenantIDs: ["acme"], serverID: "db-01")) == ["u3"])
            #expect(try await actors(AuditFilter(tenantIDs: ["acme"], action: "token.session")) == ["u4", "u1"])
            // Millisecond bounds: since is inclusive, until exclusive.
            #expect(try await actors(AuditFilter(since: t0.addingTimeInterval(0.001), until: t0.addingTimeInterval(0.003))) == ["u2", "u1"])
            #expect(try await actors(AuditFilter(since: t0.addingTimeInterval(0.005))).isEmpty)
            // Following: oldest first after an ID, with the other filters.
            #expect(try await actors(AuditFilter(afterID: ids[1], oldestFirst: true, limit: 2)) == ["u2", "u3"])
            #expect(try await actors(AuditFilter(action: "token.session", afterID: ids[1], oldestFirst: true)) == ["u2", "u4"])
            #expect(try await store.audit(after: ids[3], limit: 10).map(\.actor) == ["u4"])
            // Metacharacters in filter values are values.
            #expect(try await actors(AuditFilter(serverID: "' OR '1'='1", action: "x' OR 1=1 --")).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func assigningAServerReturnsThePreviousOwnerAndChangesNothingOnError(_ backend: Backend) async throws {
        try await backend.withStore { store in
            try await store.createTenant(Tenant(id: "acme", name: "Acme"))
            try await store.createTenant(Tenant(id: "globex", name: "Globex"))
            try await store.reportServer(id: "web-01", gatewayID: "gw-1", capabilities: [])
            #expect(try await store.assignServer(id: "web-01", tenantID: "acme") == nil)
            #expect(try await store.assignServer(id: "web-01", tenantID: "globex") == "acme")
            await #expect(throws: StoreError.notFound("tenant nope")) { try await store.assignServer(id: "web-01", tenantID: "nope") }
            await #expect(throws: StoreError.notFound("server nope")) { try await store.assignServer(id: "nope", tenantID: "acme") }
            #expect(try await store.server(id: "web-01")?.tenantID == "globex")
            #expect(try await store.assignServer(id: "web-01", tenantID: nil) == "globex")
            #expect(try await store.server(id: "web-01")?.tenantID == nil)
        }
    }
}
