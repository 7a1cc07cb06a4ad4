import API
import Auth
import Foundation
import LabTesting
import Testing

@Suite(.serialized) struct APIOIDCTests {
    @Test func browserLoginThroughTheRealProvider() async throws {
        let provider = try await OIDCProviderProcess.start()
        defer { provider.stop() }
        try await APIFixture.run(oidcIssuer: provider.issuer) { api, _ in
            let start = try await api.get("/v1/oidc/start")
            #expect(start.status == 302)
            let authorize = try #require(start.header("location"))
            #expect(authorize.hasPrefix(provider.issuer))
            #expect(authorize.contains("code_challenge_method=S256"))
            // The browser logs in at the provider and comes back to the manager's callback.
            let callback = try await HeadlessBrowser.authorize(authorize, as: "alice")
            let back = try #require(callback.url?.absoluteString)
            #expect(back.hasPrefix(api.base + "/v1/oidc/callback?"))
            let login = try await api.get(back)
            #expect(login.status == 200 && login.json["kind"] as? String == "login")
            let token = try #require(login.json["token"] as? String)
            let servers = try await api.get("/v1/servers", token: token).json["servers"] as? [[String: Any]]
            #expect(servers?.map { $0["id"] as? String } == ["web-01"])
            #expect(try await api.get(back).status == 400, "a callback URL works once")
        }
    }

    @Test func cliLoopbackLoginThroughTheRealProvider() async throws {
        let provider = try await OIDCProviderProcess.start()
        defer { provider.stop() }
        try await APIFixture.run(oidcIssuer: provider.issuer) { api, _ in
            let loopback = "http://127.0.0.1:38123/callback"
            let start = try await api.get("/v1/oidc/start?redirect_uri=" + (loopback.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(start.status == 200)
            let url = try #require(start.json["authorizationURL"] as? String)
            let callback = try await HeadlessBrowser.authorize(url, as: "bob")
            let code = try #require(callback.query("code"))
            let state = try #require(callback.query("state"))
            let login = try await api.post("/v1/oidc/callback", json: #"{"code":"\#(code)","state":"\#(state)"}"#)
            #expect(login.status == 200)
            let token = try #require(login.json["token"] as? String)
            let view = try await api.post("/v1/servers/web-01/session-token", token: token)
            #expect(view.json["actions"] as? [String] == ["view"])
            let evil = try await api.get("/v1/oidc/start?redirect_uri=https%3A%2F%2Fevil.example%2Fcb")
            #expect(evil.status == 400)
        }
    }
}
