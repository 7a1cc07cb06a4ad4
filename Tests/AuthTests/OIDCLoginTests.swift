import Foundation
import Kernel
import LabTesting
import Testing
@testable import Auth

@Suite(.serialized) struct OIDCLoginTests {
    static func mapping(_ issuer: String) -> String {
        """
        oidc:
          issuer: "\(issuer)"
          clientID: tether-cli
          clientSecret: any-secret
          redirectURI: "http://127.0.0.1:9/v1/oidc/callback"
          groupRoles:
            - {group: bmc-admins, tenant: acme, role: admin}
            - {group: bmc-viewers, tenant: acme, role: viewer}
        """
    }

    @Test func cliLoopbackLoginMapsGroupsToTenantRoles() async throws {
        let provider = try await OIDCProviderProcess.start()
        defer { provider.stop() }
        try await ManagerFixture.run(extra: Self.mapping(provider.issuer)) { node in
            let bus = node.bus
            let loopback = "http://127.0.0.1:53682/callback"
            for (subject, role) in [("alice", [ServerAction.power, .console, .vnc, .proxy, .view]), ("bob", [.view])] {
                let start = try await bus.ask(Manager.OIDCStart(redirectURI: loopback))
                let authorize = try #require(URLComponents(string: start.authorizationURL))
                #expect(authorize.query("code_challenge_method") == "S256")
                #expect(authorize.query("code_challenge")?.count == 43)
                #expect(authorize.query("redirect_uri") == loopback)
                #expect(authorize.query("state") == start.state && authorize.query("nonce") != nil)
                // The user logs in at the provider; it redirects to the CLI's loopback listener.
                let callback = try await HeadlessBrowser.authorize(start.authorizationURL, as: subject)
                #expect("\(callback.scheme ?? "")://\(callback.host ?? ""):\(callback.port ?? 0)\(callback.path)" == loopback)
                #expect(callback.query("state") == start.state)
                let code = try #require(callback.query("code"))
                let token = try await bus.ask(Manager.OIDCFinish(code: code, state: start.state, source: "127.0.0.1"), timeout: .seconds(30))
                let servers = try await bus.ask(Manager.ListServers(loginToken: token.token, source: "t")).servers
                #expect(servers.map(\.id) == ["web-01", "web-02"], "\(subject)")
                #expect(servers.first?.actions == role, "\(subject)")
                // The code and state are single-use.
                let replay = await #expect(throws: BusError.self) {
                    try await bus.ask(Manager.OIDCFinish(code: code, state: start.state, source: "127.0.0.1"))
                }
                #expect(replay.map(ManagerFixture.code) == "bad-request")
            }
            // The same subject logs in again as the same user.
            let again = try await bus.ask(Manager.OIDCStart(redirectURI: loopback))
            let code = try #require(try await HeadlessBrowser.authorize(again.authorizationURL, as: "alice").query("code"))
            let token = try await bus.ask(Manager.OIDCFinish(code: code, state: again.state, source: "t"), timeout: .seconds(30))
            let root = try await ManagerFixture.login(bus, "root")
            let logins = try await bus.ask(Manager.QueryAudit(loginToken: root, limit: 50, source: "t")).events
                .filter { $0.action == "login" && $0.detail.hasPrefix("oidc") && $0.outcome == .ok }
            #expect(logins.count == 3)
            #expect(Set(logins.map(\.actor)).count == 2)
            _ = token
        }
    }

    @Test func aUserWithoutAMappedGroupIsRefusedAndAudited() async throws {
        let provider = try await OIDCProviderProcess.start()
        defer { provider.stop() }
        try await ManagerFixture.run(extra: Self.mapping(provider.issuer)) { node in
            let bus = node.bus
            let start = try await bus.ask(Manager.OIDCStart(redirectURI: "http://[::1]:4000/cb"))
            let code = try #require(try await HeadlessBrowser.authorize(start.authorizationURL, as: "mallory").query("code"))
            let refused = await #expect(throws: BusError.self) {
                try await bus.ask(Manager.OIDCFinish(code: code, state: start.state, source: "t"), timeout: .seconds(30))
            }
            #expect(refused.map(ManagerFixture.code) == "denied")
            let forged = await #expect(throws: BusError.self) {
                try await bus.ask(Manager.OIDCFinish(code: "x", state: "never-issued", source: "t"))
            }
            #expect(forged.map(ManagerFixture.code) == "bad-request")
        }
    }

    @Test func onlyConfiguredOrLoopbackRedirectsAreAccepted() throws {
        var config = AuthPlugin.OIDC()
        config.issuer = "https://idp.example"
        config.clientID = "c"
        config.redirectURI = "https://manager.example/v1/oidc/callback"
        let settings = try OIDCSettings(config)
        #expect(try settings.redirect(for: nil) == "https://manager.example/v1/oidc/callback")
        #expect(try settings.redirect(for: "http://127.0.0.1:8765/cb") == "http://127.0.0.1:8765/cb")
        #expect(try settings.redirect(for: "http://localhost:1/") == "http://localhost:1/")
        for bad in ["https://evil.example/cb", "http://127.0.0.1/cb", "http://127.0.0.2:80/cb", "http://user@127.0.0.1:8/cb", "javascript:alert(1)"] {
            #expect(throws: AuthError.self, "\(bad)") { try settings.redirect(for: bad) }
        }
    }

    @Test func pkceChallengeIsS256OfTheVerifier() {
        // Reference value computed independently (Python hashlib).
        let pkce = PKCE(verifier: "dBjftJeZ4CVP-mJ92IrJ9M8ys07pf1AfMgcLiEeaLmf")
        #expect(pkce.challenge == "LTVECtB8DCPzhDjb8K0hn91Q2JhvNdpzfgX0z_RUVCs")
        #expect(PKCE.generate().verifier.count == 43)
        #expect(PKCE.generate() != PKCE.generate())
    }
}
