import API
import Auth
import Foundation
import Kernel
import Testing

@Suite struct APIPluginTests {
    @Test func loginRefreshServersAndSessionTokens() async throws {
        try await APIFixture.run { api, _ in
            let wrong = try await api.post("/v1/login", json: #"{"username":"ann","password":"nope"}"#)
            #expect(wrong.status == 401 && wrong.errorCode == "invalid-credentials")
            #expect(wrong.header("content-type")?.hasPrefix("application/json") == true)
            let token = try await api.login("ann", APIFixture.password("ann"))

            let refreshed = try await api.post("/v1/token/refresh", token: token)
            #expect(refreshed.status == 200 && refreshed.json["kind"] as? String == "login")
            let servers = try await api.get("/v1/servers", token: token)
            #expect(servers.status == 200)
            let list = try #require(servers.json["servers"] as? [[String: Any]])
            #expect(list.map { $0["id"] as? String } == ["web-01"])
            #expect(try await api.get("/v1/servers/web-01", token: token).json["gateway"] as? String == "gw-eu1")

            let session = try await api.post("/v1/servers/web-01/session-token", token: token, json: #"{"actions":["console","view"]}"#)
            #expect(session.status == 200)
            #expect(session.json["gateway"] as? String == "gw-eu1")
            #expect(session.json["actions"] as? [String] == ["console", "view"])
            let all = try await api.post("/v1/servers/web-01/session-token", token: token)
            #expect(all.json["actions"] as? [String] == ["power", "console", "vnc", "proxy", "view"])

            #expect(try await api.get("/v1/servers").status == 401)
            #expect(try await api.get("/v1/servers", token: "garbage").errorCode == "invalid-token")
        }
    }

    @Test func aGatewayVerifiesSessionTokensWithTheJWKSEvenWithTheManagerDown() async throws {
        let (verifier, token) = try await APIFixture.run { api, _ in
            let login = try await api.login("oscar", APIFixture.password("oscar"))
            let session = try await api.post("/v1/servers/web-01/session-token", token: login)
            let issued = try #require((session.json["token"] as? [String: Any])?["token"] as? String)
            // The gateway fetches the JWKS once over HTTP, as it would from the manager.
            let verifier = TokenVerifier(options: .init(issuer: "tether-manager"), source: HTTPJWKSSource(url: api.base + "/.well-known/jwks.json"))
            try await verifier.refreshKeys()
            return (verifier, issued)
        }
        // The manager has stopped: verification needs no call to it.
        let claims = try await verifier.verifySession(token, audience: "gw-eu1", server: "web-01")
        #expect(claims.actions == [.power, .console, .vnc, .view])
        await #expect(throws: TokenRejection.wrongServer("web-01")) { try await verifier.verifySession(token, audience: "gw-eu1", server: "db-01") }
    }

    @Test func badBodiesGetClearErrorsAndChangeNothing() async throws {
        try await APIFixture.run { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            let before = try #require(try await api.get("/v1/audit?limit=1000", token: root).json["events"] as? [Any]).count
            let cases: [(String, String, Int, String)] = [
                ("{", "application/json", 400, "malformed-json"),
                ("[1,2]", "application/json", 400, "malformed-json"),
                (#"{"username":"ann","password":"x","admin":true}"#, "application/json", 400, "unknown-field"),
                (#"{"username":"ann"}"#, "application/json", 400, "bad-request"),
                (#"{"username":5,"password":"x"}"#, "application/json", 400, "bad-request"),
                (#"{"username":"ann","password":"\#(String(repeating: "x", count: 5000))"}"#, "application/json", 413, "too-large"),
                ("username=ann&password=x", "application/x-www-form-urlencoded", 415, "bad-request"),
            ]
            for (body, type, status, code) in cases {
                let answer = try await api.send(.POST, "/v1/login", body: body, contentType: type)
                let label = String(body.prefix(40))
                #expect(answer.status == status, "\(label)")
                #expect(answer.errorCode == code, "\(label)")
                let message = (answer.json["error"] as? [String: Any])?["message"] as? String
                #expect(message?.isEmpty == false)
            }
            let badActions = try await api.post("/v1/servers/web-01/session-token", token: root, json: #"{"actions":["reboot"]}"#)
            #expect(badActions.status == 400)
            let unknown = try await api.post("/v1/servers/web-01/session-token", token: root, json: #"{"actions":["view"],"server":"db-01"}"#)
            #expect(unknown.status == 400 && unknown.errorCode == "unknown-field")
            #expect(try await api.get("/v1/audit?limit=abc", token: root).status == 400)
            #expect(try await api.get("/v1/audit?limit=5000", token: root).status == 400)
            // Nothing was acted on: no login attempt, no token, no record.
            let after = try #require(try await api.get("/v1/audit?limit=1000", token: root).json["events"] as? [Any]).count
            #expect(after == before)
        }
    }

    @Test func sqlMetacharactersInEveryStringFieldAreHarmless() async throws {
        let nasty = ["' OR '1'='1", "ann'; DROP TABLE users; --", "\" OR \"\"=\"", "%' --", "web-01' OR 1=1 --", "$1", "?1"]
        try await APIFixture.run { api, _ in
            let root = try await api.login("root", APIFixture.password("root"))
            for text in nasty {
                let body = try String(decoding: JSONSerialization.data(withJSONObject: ["username": text, "password": text]), as: UTF8.self)
                let login = try await api.post("/v1/login", json: body)
                #expect(login.status == 401, "\(text)")
                let path = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                #expect(try await api.get("/v1/servers/\(path)", token: root).status == 404, "\(text)")
                #expect(try await api.post("/v1/servers/\(path)/session-token", token: root).status == 404, "\(text)")
                #expect(try await api.get("/v1/servers", token: text).status == 401)
                #expect(try await api.post("/v1/oidc/callback", json: try String(decoding: JSONSerialization.data(withJSONObject: ["code": text, "state": text]), as: UTF8.self)).status == 404)
            }
            // Everything is still there.
            let servers = try await api.get("/v1/servers", token: root).json["servers"] as? [[String: Any]]
            #expect(servers?.count == 2)
            _ = try await api.login("ann", APIFixture.password("ann"))
        }
    }

    @Test func tenantIsolationOverHTTPIsDeniedAndAudited() async throws {
        try await APIFixture.run { api, _ in
            let foreign = [("ann", "db-01"), ("oscar", "db-01"), ("vera", "db-01"), ("gus", "web-01")]
            for (user, server) in foreign {
                let token = try await api.login(user, APIFixture.password(user))
                let listed = (try await api.get("/v1/servers", token: token).json["servers"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
                #expect(listed?.contains(server) == false, "\(user)")
                #expect(try await api.get("/v1/servers/\(server)", token: token).status == 404, "\(user)")
                for action in ServerAction.allCases {
                    let answer = try await api.post("/v1/servers/\(server)/session-token", token: token, json: #"{"actions":["\#(action.rawValue)"]}"#)
                    #expect(answer.status == 404 && answer.errorCode == "not-found", "\(user) \(action)")
                }
                #expect(try await api.get("/v1/audit", token: token).status == (user == "ann" || user == "gus" ? 200 : 403))
            }
            // In its own tenant a viewer may only view.
            let vera = try await api.login("vera", APIFixture.password("vera"))
            #expect(try await api.post("/v1/servers/web-01/session-token", token: vera, json: #"{"actions":["power"]}"#).status == 403)
            #expect(try await api.post("/v1/servers/web-01/session-token", token: vera, json: #"{"actions":["view"]}"#).status == 200)

            let root = try await api.login("root", APIFixture.password("root"))
            let events = try #require(try await api.get("/v1/audit?limit=1000", token: root).json["events"] as? [[String: Any]])
            let denials = events.filter { $0["outcome"] as? String == "denied" }
            let expected: Int = 4 * 6 + 2 + 1  // 4 users x (show + 5 actions), 2 audit reads, vera's power
            #expect(denials.count == expected)
            #expect(denials.allSatisfy { ($0["source"] as? String) == "127.0.0.1" })
        }
    }

    @Test func rateLimitedLoginsAnswer429WithRetryAfter() async throws {
        try await APIFixture.run { api, _ in
            for _ in 0..<50 { _ = try await api.post("/v1/login", json: #"{"username":"vera","password":"wrong"}"#) }
            let limited = try await api.post("/v1/login", json: #"{"username":"vera","password":"\#(APIFixture.password("vera"))"}"#)
            #expect(limited.status == 429 && limited.errorCode == "rate-limited")
            #expect(Int(limited.header("retry-after") ?? "") ?? 0 > 0)
        }
    }

    @Test func servesJWKSAndOpenAPI() async throws {
        try await APIFixture.run { api, _ in
            let jwks = try await api.get("/.well-known/jwks.json")
            let keys = try #require(jwks.json["keys"] as? [[String: Any]])
            #expect(keys.count == 1 && keys[0]["alg"] as? String == "ES256" && keys[0]["d"] == nil)
            let document = try await api.get("/openapi.json")
            #expect(document.status == 200 && document.json["openapi"] as? String == "3.1.0")
            let paths = try #require(document.json["paths"] as? [String: Any])
            for path in ["/v1/login", "/v1/oidc/start", "/v1/oidc/callback", "/v1/token/refresh", "/v1/servers", "/v1/servers/{id}/session-token", "/v1/audit", "/.well-known/jwks.json"] {
                #expect(paths[path] != nil, "\(path)")
            }
            #expect(try await api.get("/v1/nothing-here").status == 404)
        }
    }
}
