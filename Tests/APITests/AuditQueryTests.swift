import Foundation
import Testing

/// `GET /v1/audit` with filters: superadmins read everything, tenant admins only their
/// tenants' records (asking for another tenant is refused), others are refused.
@Suite struct AuditQueryTests {
    static func events(_ api: HTTPTestClient, _ query: String, token: String) async throws -> [[String: Any]] {
        let answer = try await api.get("/v1/audit?\(query)", token: token)
        guard answer.status == 200, let events = answer.json["events"] as? [[String: Any]] else {
            throw TestFailure(reason: "audit?\(query): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        }
        return events
    }

    @Test(arguments: APIBackend.allCases)
    func filtersAndTenantScope(_ backend: APIBackend) async throws {
        try await APIFixture.run(backend: backend) { api, _ in
            var tokens: [String: String] = [:]
            for user in ["root", "ann", "oscar", "vera", "gus"] { tokens[user] = try await api.login(user, APIFixture.password(user)) }
            let root = try #require(tokens["root"]), ann = try #require(tokens["ann"]), gus = try #require(tokens["gus"])
            #expect(try await api.post("/v1/servers/web-01/session-token", token: tokens["oscar"]).status == 200)
            #expect(try await api.post("/v1/servers/web-01/session-token", token: ann).status == 200)
            #expect(try await api.post("/v1/servers/db-01/session-token", token: gus).status == 200)

            let all = try await Self.events(api, "limit=1000", token: root)
            let sessions = try await Self.events(api, "action=token.session", token: root)
            #expect(sessions.count == 3 && sessions.allSatisfy { $0["action"] as? String == "token.session" })
            #expect(try await Self.events(api, "server=db-01", token: root).map { $0["serverID"] as? String } == ["db-01"])
            #expect(try await Self.events(api, "tenant=globex", token: root).allSatisfy { $0["tenantID"] as? String == "globex" })
            #expect(try await Self.events(api, "tenant=acme&action=token.session&server=web-01", token: root).count == 2)
            let newest = try await Self.events(api, "limit=1", token: root)
            #expect(newest.count == 1 && newest.first?["id"] as? Int == all.first?["id"] as? Int)
            #expect(try await Self.events(api, "since=2000-01-01T00:00:00Z&limit=1000", token: root).count == all.count)
            #expect(try await Self.events(api, "since=2000-01-01T00:00:00.000Z&until=2999-01-01T00:00:00Z&limit=1000", token: root).count == all.count)
            #expect(try await Self.events(api, "since=2999-01-01T00:00:00Z", token: root).isEmpty)
            #expect(try await Self.events(api, "until=2000-01-01T00:00:00Z", token: root).isEmpty)
            let oldest = try #require(all.last?["id"] as? Int)
            #expect(try await Self.events(api, "after=\(oldest)&limit=2", token: root).map { $0["id"] as? Int } == [oldest + 1, oldest + 2])

            // A tenant admin: its tenants' records only, and no other tenant's on request.
            let annSees = try await Self.events(api, "limit=1000", token: ann)
            #expect(annSees.count == 2 && annSees.allSatisfy { $0["tenantID"] as? String == "acme" })
            #expect(try await Self.events(api, "tenant=acme", token: ann).count == 2)
            #expect(try await Self.events(api, "server=db-01", token: ann).isEmpty)
            let foreign = try await api.get("/v1/audit?tenant=globex", token: ann)
            #expect(foreign.status == 403 && foreign.errorCode == "denied")
            #expect(try await api.get("/v1/audit?tenant=no-such", token: ann).status == 403)
            let gusSees = try await Self.events(api, "limit=1000", token: gus)
            #expect(gusSees.filter { $0["action"] as? String == "token.session" }.map { $0["serverID"] as? String } == ["db-01"])
            // ann's try at globex's records is globex's business too.
            let probe = gusSees.filter { $0["action"] as? String == "audit.query" }
            #expect(probe.count == 1 && probe.first?["outcome"] as? String == "denied" && probe.first?["tenantID"] as? String == "globex")
            for user in ["oscar", "vera"] {
                #expect(try await api.get("/v1/audit?tenant=acme", token: tokens[user]).status == 403, "\(user)")
            }
            #expect(try await api.get("/v1/audit").status == 401)
            #expect(try await api.get("/v1/audit", token: "garbage").status == 401)
        }
    }

    @Test func badParametersAreRefusedClearly() async throws {
        try await APIFixture.run { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            let cases: [(String, String)] = [
                ("tennant=acme", "unknown-parameter"), ("since=yesterday", "bad-request"), ("until=2026-13-01T00:00:00Z", "bad-request"),
                ("since=2030-01-01T00:00:00Z&until=2020-01-01T00:00:00Z", "bad-request"), ("limit=0", "bad-request"), ("limit=1001", "bad-request"),
                ("limit=x", "bad-request"), ("after=-", "bad-request"), ("tenant=a&tenant=b", "bad-request"), ("tenant=", "bad-request"),
                ("server=\(String(repeating: "s", count: 201))", "bad-request"),
            ]
            for (query, code) in cases {
                for path in ["/v1/audit", "/v1/audit/stream"] {
                    let answer = try await api.get("\(path)?\(query)", token: root)
                    #expect(answer.status == 400 && answer.errorCode == code, "\(path)?\(query)")
                }
            }
        }
    }

    @Test func theOpenAPIDocumentListsOwnershipWhoamiAndTheStream() async throws {
        try await APIFixture.run { api, _ in
            let paths = try #require(try await api.get("/openapi.json").json["paths"] as? [String: [String: Any]])
            #expect(paths["/v1/servers/{id}/tenant"]?.keys.sorted() == ["delete", "put"])
            #expect(paths["/v1/whoami"]?["get"] != nil && paths["/v1/audit/stream"]?["get"] != nil)
            let query = try #require((paths["/v1/audit"]?["get"] as? [String: Any])?["parameters"] as? [[String: Any]])
            #expect(Set(query.compactMap { $0["name"] as? String }) == ["since", "until", "tenant", "server", "action", "after", "limit", "before"])
        }
    }
}
