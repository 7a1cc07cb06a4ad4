import API
import Auth
import Contracts
import Foundation
import Kernel
import KernelTesting
import Testing

/// A gateway node runs `auth` in verify mode: it answers `auth.verify` from the manager's
/// JWKS, fetched over HTTP once, and keeps answering with the manager stopped.
@Suite struct GatewayVerificationTests {
    static func gateway(jwks: String) -> String {
        """
        role: gateway
        plugins:
          - use: auth
            with: {mode: verify, jwks: "\(jwks)"}
        """
    }

    @Test func verifiesSessionTokensOfflineAfterOneJWKSFetch() async throws {
        let port = FreePort.find()
        try await TestNode.run(Self.gateway(jwks: "http://127.0.0.1:\(port)/.well-known/jwks.json"), plugins: [AuthPlugin.self], node: "gw-eu1") { gateway in
            let (mine, foreign) = try await APIFixture.run(port: port) { api, _ in
                let oscar = try await api.login("oscar", APIFixture.password("oscar"))
                let root = try await api.login("root", APIFixture.password("root"))
                let mine = try await api.post("/v1/servers/web-01/session-token", token: oscar)
                let foreign = try await api.post("/v1/servers/db-01/session-token", token: root)
                let principal = try await gateway.bus.ask(Contracts.Auth.Verify(token: try Self.token(mine)))
                #expect(principal.subject.hasPrefix("local-") && principal.server == "web-01" && principal.tenant == "acme")
                #expect(principal.actions == [.power, .console, .vnc, .view])
                #expect(principal.allows(.power, on: "web-01") && !principal.allows(.proxy, on: "web-01") && !principal.allows(.view, on: "db-01"))
                // A login token is not a session token.
                let login = await #expect(throws: BusError.self) { try await gateway.bus.ask(Contracts.Auth.Verify(token: oscar)) }
                #expect(login.flatMap(Self.code) == "unauthenticated")
                return (try Self.token(mine), try Self.token(foreign))
            }
            // The manager has stopped.
            let principal = try await gateway.bus.ask(Contracts.Auth.Verify(token: mine))
            #expect(principal.server == "web-01")
            // db-01 is served by gw-us1: its token is for another audience.
            let refused = await #expect(throws: BusError.self) { try await gateway.bus.ask(Contracts.Auth.Verify(token: foreign)) }
            #expect(refused.flatMap(Self.code) == "unauthenticated")
        }
    }

    @Test func withoutReachableKeysItAnswersUnavailableNotUnauthenticated() async throws {
        let port = FreePort.find()
        try await TestNode.run(Self.gateway(jwks: "http://127.0.0.1:\(port)/.well-known/jwks.json"), plugins: [AuthPlugin.self], node: "gw-eu1") { gateway in
            let refused = await #expect(throws: BusError.self) { try await gateway.bus.ask(Contracts.Auth.Verify(token: "a.b.c")) }
            #expect(refused.flatMap(Self.code) == "unavailable")
        }
    }

    @Test func verifyModeNeedsAJWKSURL() async throws {
        let role = try Role(
            yaml: "role: gateway\nplugins: [{use: auth, with: {mode: verify}}]", registry: PluginRegistry([AuthPlugin.self]), node: "gw",
            baseDirectory: URL(fileURLWithPath: "/tmp"))
        let error = await #expect(throws: ManifestError.self) { try await role.check() }
        #expect("\(error.map { "\($0)" } ?? "")".contains("jwks"))
    }

    static func token(_ answer: HTTPTestClient.Answer) throws -> String {
        guard let token = (answer.json["token"] as? [String: Any])?["token"] as? String else {
            throw TestFailure(reason: "no session token: \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
        }
        return token
    }

    static func code(_ error: BusError) -> String? {
        if case .remote(let code, _) = error { return code }
        return nil
    }
}
