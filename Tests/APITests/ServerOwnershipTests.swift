import Foundation
import Testing

/// `PUT/DELETE /v1/servers/{id}/tenant`: superadmins move servers between tenants, audited
/// with old -> new; everyone else is refused without learning anything; bad input changes nothing.
@Suite struct ServerOwnershipTests {
    static func owner(_ api: HTTPTestClient, _ server: String, root: String) async throws -> String? {
        try await api.get("/v1/servers/\(server)", token: root).json["tenant"] as? String
    }

    static func servers(_ api: HTTPTestClient, of user: String) async throws -> [String] {
        let token = try await api.login(user, APIFixture.password(user))
        let list = try await api.get("/v1/servers", token: token).json["servers"] as? [[String: Any]] ?? []
        return list.compactMap { $0["id"] as? String }
    }

    @Test(arguments: APIBackend.allCases)
    func aSuperadminAssignsAndUnassignsAndEachChangeIsAudited(_ backend: APIBackend) async throws {
        try await APIFixture.run(backend: backend) { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            let assigned = try await api.send(.PUT, "/v1/servers/db-01/tenant", token: root, body: #"{"tenant":"acme"}"#)
            #expect(assigned.status == 200)
            #expect(assigned.json["server"] as? String == "db-01")
            #expect(assigned.json["tenant"] as? String == "acme" && assigned.json["previousTenant"] as? String == "globex")
            #expect(try await Self.servers(api, of: "ann") == ["db-01", "web-01"])
            #expect(try await Self.servers(api, of: "gus") == [])

            let unassigned = try await api.send(.DELETE, "/v1/servers/db-01/tenant", token: root)
            #expect(unassigned.status == 200)
            #expect(unassigned.json["tenant"] == nil && unassigned.json["previousTenant"] as? String == "acme")
            #expect(try await Self.servers(api, of: "ann") == ["web-01"])
            #expect(try await Self.owner(api, "db-01", root: root) == nil)
            // Only superadmins see an unassigned server.
            #expect(try await Self.servers(api, of: "root") == ["db-01", "web-01"])

            let again = try await api.send(.PUT, "/v1/servers/db-01/tenant", token: root, body: #"{"tenant":"globex"}"#)
            #expect(again.status == 200 && again.json["previousTenant"] == nil)

            let whoami = try await api.get("/v1/whoami", token: root).json
            let rootID = try #require(whoami["userID"] as? String)
            let events = try #require(try await api.get("/v1/audit?server=db-01&limit=100", token: root).json["events"] as? [[String: Any]])
            let changes = events.filter { ($0["action"] as? String)?.hasPrefix("server.") == true }.reversed().map {
                [$0["action"] as? String, $0["actor"] as? String, $0["outcome"] as? String, $0["tenantID"] as? String, $0["detail"] as? String]
            }
            #expect(changes == [
                ["server.assign", rootID, "ok", "acme", "tenant: globex -> acme"],
                ["server.unassign", rootID, "ok", "acme", "tenant: acme -> none"],
                ["server.assign", rootID, "ok", "globex", "tenant: none -> globex"],
            ])
        }
    }

    @Test(arguments: APIBackend.allCases)
    func badRequestsGetClearErrorsAndChangeNothing(_ backend: APIBackend) async throws {
        try await APIFixture.run(backend: backend) { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            let cases: [(String, String?, Int, String)] = [
                ("/v1/servers/no-such/tenant", #"{"tenant":"acme"}"#, 404, "not-found"),
                ("/v1/servers/web-01/tenant", #"{"tenant":"no-such"}"#, 404, "not-found"),
                ("/v1/servers/web-01/tenant", "{", 400, "malformed-json"),
                ("/v1/servers/web-01/tenant", #"["acme"]"#, 400, "malformed-json"),
                ("/v1/servers/web-01/tenant", #"{"tenant":"globex","server":"db-01"}"#, 400, "unknown-field"),
                ("/v1/servers/web-01/tenant", "{}", 400, "bad-request"),
                ("/v1/servers/web-01/tenant", #"{"tenant":null}"#, 400, "bad-request"),
                ("/v1/servers/web-01/tenant", #"{"tenant":7}"#, 400, "bad-request"),
                ("/v1/servers/web-01/tenant", #"{"tenant":""}"#, 400, "bad-request"),
                ("/v1/servers/web-01/tenant", #"{"tenant":"\#(String(repeating: "a", count: 201))"}"#, 400, "bad-request"),
            ]
            for (path, body, status, code) in cases {
                let answer = try await api.send(.PUT, path, token: root, body: body)
                #expect(answer.status == status, "\(path) \(body ?? "")")
                #expect(answer.errorCode == code, "\(path) \(body ?? "")")
            }
            let unknownTenant = try await api.send(.PUT, "/v1/servers/web-01/tenant", token: root, body: #"{"tenant":"no-such"}"#)
            #expect((unknownTenant.json["error"] as? [String: Any])?["message"] as? String == "tenant no-such not found")
            #expect(try await api.send(.DELETE, "/v1/servers/no-such/tenant", token: root).status == 404)
            #expect(try await api.send(.DELETE, "/v1/servers/web-01/tenant", token: root, body: #"{"tenant":"acme"}"#).errorCode == "unknown-field")
            #expect(try await api.send(.PUT, "/v1/servers/web-01/tenant", body: #"{"tenant":"globex"}"#).status == 401)
            #expect(try await api.send(.PUT, "/v1/servers/web-01/tenant", token: "garbage", body: #"{"tenant":"globex"}"#).status == 401)
            #expect(try await Self.owner(api, "web-01", root: root) == "acme")
            #expect(try await Self.owner(api, "db-01", root: root) == "globex")
        }
    }

    @Test(arguments: APIBackend.allCases)
    func noOneButASuperadminMayChangeOwnershipAndEveryTryIsAudited(_ backend: APIBackend) async throws {
        try await APIFixture.run(backend: backend) { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            var attempts = 0
            for user in ["ann", "oscar", "vera", "gus"] {
                let token = try await api.login(user, APIFixture.password(user))
                // Its own server, another tenant's, one that does not exist: the same answer.
                for (server, tenant) in [("web-01", "globex"), ("db-01", "acme"), ("db-01", "globex"), ("no-such", "acme")] {
                    let put = try await api.send(.PUT, "/v1/servers/\(server)/tenant", token: token, body: #"{"tenant":"\#(tenant)"}"#)
                    #expect(put.status == 403 && put.errorCode == "denied", "\(user) \(server)")
                    let delete = try await api.send(.DELETE, "/v1/servers/\(server)/tenant", token: token)
                    #expect(delete.status == 403 && delete.errorCode == "denied", "\(user) \(server)")
                    attempts += 2
                }
            }
            #expect(try await Self.owner(api, "web-01", root: root) == "acme")
            #expect(try await Self.owner(api, "db-01", root: root) == "globex")
            let denied = try #require(try await api.get("/v1/audit?outcome=denied&limit=1000", token: root).json["error"] as? [String: Any])
            #expect(denied["code"] as? String == "unknown-parameter")
            var refusals = 0
            for action in ["server.assign", "server.unassign"] {
                let events = try #require(try await api.get("/v1/audit?action=\(action)&limit=1000", token: root).json["events"] as? [[String: Any]])
                #expect(events.allSatisfy { $0["outcome"] as? String == "denied" && $0["detail"] as? String == "not a superadmin" })
                refusals += events.count
            }
            #expect(refusals == attempts)
        }
    }
}
