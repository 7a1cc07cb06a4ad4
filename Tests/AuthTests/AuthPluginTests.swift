import Contracts
import Auth
import Foundation
import Kernel
import KernelTesting
import Storage
import Testing

@Suite struct AuthPluginTests {
    @Test func localLoginIssuesATokenAndAuditsSuccessAndFailure() async throws {
        try await ManagerFixture.run { node in
            let bus = node.bus
            let token = try await bus.ask(Manager.Login(username: "ann", password: ManagerFixture.password("ann"), source: "192.0.2.1"))
            #expect(token.kind == .login)
            #expect(token.expiresAt.timeIntervalSinceNow > 800 && token.expiresAt.timeIntervalSinceNow <= 900)
            let jwks = try await bus.ask(Manager.JWKS())
            let verifier = TokenVerifier(options: .init(issuer: "tether-manager"), source: ClosureJWKSSource { jwks })
            let claims = try await verifier.verifyLogin(token.token, audience: "tether-manager")
            #expect(claims.name == "ann")

            for (user, password) in [("ann", "wrong"), ("nobody", "whatever")] {
                let error = await #expect(throws: BusError.self) { try await bus.ask(Manager.Login(username: user, password: password, source: "192.0.2.1")) }
                #expect(error.map(ManagerFixture.code) == "invalid-credentials")
            }
            let root = try await ManagerFixture.login(bus, "root")
            let events = try await bus.ask(Manager.QueryAudit(loginToken: root, limit: 10, source: "t")).events
            let logins = events.filter { $0.action == "login" }.map { "\($0.outcome.rawValue):\($0.source ?? "")" }
            #expect(logins == ["ok:127.0.0.1", "failed:192.0.2.1", "failed:192.0.2.1", "ok:192.0.2.1"])
            #expect(events.contains { $0.actor == "nobody" && $0.outcome == .failed })
        }
    }

    @Test func loginIsRateLimitedPerAccountAndPerSource() async throws {
        let limits = "rateLimit: {failuresPerAccount: 3, accountWindowSeconds: 600, attemptsPerSource: 8, sourceWindowSeconds: 600}"
        try await ManagerFixture.run(extra: limits) { node in
            let bus = node.bus
            for index in 0..<3 {
                _ = try? await bus.ask(Manager.Login(username: "oscar", password: "bad", source: "10.0.0.\(index)"))
            }
            // The right password from a fresh address: the account is locked for now.
            let locked = await #expect(throws: BusError.self) {
                try await bus.ask(Manager.Login(username: "oscar", password: ManagerFixture.password("oscar"), source: "10.0.1.1"))
            }
            #expect(locked.map(ManagerFixture.code) == "rate-limited")
            // Another account is unaffected.
            _ = try await ManagerFixture.login(bus, "vera", source: "10.0.1.1")
            // One address trying many accounts hits the per-source limit.
            var codes: [String?] = []
            for index in 0..<8 {
                do {
                    _ = try await bus.ask(Manager.Login(username: "guess\(index)", password: "x", source: "203.0.113.9"))
                } catch {
                    codes.append(ManagerFixture.code(error))
                }
            }
            #expect(codes == Array(repeating: "invalid-credentials", count: 8))
            let blocked = await #expect(throws: BusError.self) {
                try await bus.ask(Manager.Login(username: "ann", password: ManagerFixture.password("ann"), source: "203.0.113.9"))
            }
            #expect(blocked.map(ManagerFixture.code) == "rate-limited")
        }
    }

    @Test func sessionTokensVerifyOfflineFromTheJWKSAlone() async throws {
        try await ManagerFixture.run { node in
            let bus = node.bus
            let oscar = try await ManagerFixture.login(bus, "oscar")
            let reply = try await bus.ask(Manager.IssueSessionToken(loginToken: oscar, server: "web-01", source: "t"))
            #expect(reply.gateway == "gw-eu1")
            #expect(reply.actions == [.power, .console, .vnc, .view])
            // What a gateway does: the JWKS document only, no call to the manager.
            let document = try JSONEncoder().encode(try await bus.ask(Manager.JWKS()))
            let gateway = TokenVerifier(
                options: .init(issuer: "tether-manager"), source: ClosureJWKSSource { try JSONDecoder().decode(JWKSDocument.self, from: document) })
            let claims = try await gateway.verifySession(reply.token.token, audience: "gw-eu1", server: "web-01")
            #expect(claims.tenant == "acme" && claims.actions == [.power, .console, .vnc, .view])
            #expect(claims.exp - claims.iat == 300)
            await #expect(throws: TokenRejection.wrongServer("web-01")) { try await gateway.verifySession(reply.token.token, audience: "gw-eu1", server: "web-02") }
            await #expect(throws: TokenRejection.wrongAudience("gw-eu1")) { try await gateway.verifySession(reply.token.token, audience: "gw-us1") }

            let narrowed = try await bus.ask(Manager.IssueSessionToken(loginToken: oscar, server: "web-01", actions: [.console], source: "t"))
            #expect(narrowed.actions == [.console])
            let proxy = await #expect(throws: BusError.self) {
                try await bus.ask(Manager.IssueSessionToken(loginToken: oscar, server: "web-01", actions: [.proxy], source: "t"))
            }
            #expect(proxy.map(ManagerFixture.code) == "denied")
        }
    }

    @Test func tenantIsolationOnEveryOperationIsDeniedAndAudited() async throws {
        try await ManagerFixture.run { node in
            let bus = node.bus
            let root = try await ManagerFixture.login(bus, "root")
            let foreign: [String: String] = ["ann": "db-01", "oscar": "db-01", "vera": "db-01", "gus": "web-01"]
            var expectedDenials = 0
            for (user, server) in foreign.sorted(by: { $0.key < $1.key }) {
                let token = try await ManagerFixture.login(bus, user)
                let listed = try await bus.ask(Manager.ListServers(loginToken: token, source: "t")).servers.map(\.id)
                #expect(!listed.contains(server) && !listed.contains("spare-01"), "\(user) lists \(listed)")
                #expect(!listed.isEmpty)
                let show = await #expect(throws: BusError.self) { try await bus.ask(Manager.ShowServer(loginToken: token, server: server, source: "t")) }
                #expect(show.map(ManagerFixture.code) == "not-found")
                expectedDenials += 1
                for action in ServerAction.allCases {
                    let refused = await #expect(throws: BusError.self) {
                        try await bus.ask(Manager.IssueSessionToken(loginToken: token, server: server, actions: [action], source: "t"))
                    }
                    #expect(refused.map(ManagerFixture.code) == "not-found", "\(user) \(action) on \(server)")
                    expectedDenials += 1
                }
            }
            let denials = try await bus.ask(Manager.QueryAudit(loginToken: root, limit: 1000, source: "t")).events.filter { $0.outcome == .denied }
            #expect(denials.count == expectedDenials)
            #expect(denials.allSatisfy { $0.serverID == "db-01" || $0.serverID == "web-01" })

            // The superadmin sees everything, including the unassigned server.
            let all = try await bus.ask(Manager.ListServers(loginToken: root, source: "t")).servers.map(\.id)
            #expect(all == ["db-01", "spare-01", "web-01", "web-02"])
            // A tenant admin reads only its tenant's audit records; others may not read it.
            let gus = try await ManagerFixture.login(bus, "gus")
            let gusEvents = try await bus.ask(Manager.QueryAudit(loginToken: gus, limit: 1000, source: "t")).events
            #expect(gusEvents.allSatisfy { $0.tenantID == "globex" })
            let vera = try await ManagerFixture.login(bus, "vera")
            let refused = await #expect(throws: BusError.self) { try await bus.ask(Manager.QueryAudit(loginToken: vera, limit: 10, source: "t")) }
            #expect(refused.map(ManagerFixture.code) == "denied")
        }
    }

    @Test func refreshExtendsALoginButNotWithOtherTokens() async throws {
        try await ManagerFixture.run { node in
            let bus = node.bus
            let login = try await ManagerFixture.login(bus, "ann")
            let refreshed = try await bus.ask(Manager.Refresh(loginToken: login, source: "t"))
            #expect(refreshed.token != login && refreshed.kind == .login)
            let session = try await bus.ask(Manager.IssueSessionToken(loginToken: refreshed.token, server: "web-01", source: "t")).token.token
            let wrongKind = await #expect(throws: BusError.self) { try await bus.ask(Manager.Refresh(loginToken: session, source: "t")) }
            #expect(wrongKind.map(ManagerFixture.code) == "invalid-token")
            let garbage = await #expect(throws: BusError.self) { try await bus.ask(Manager.ListServers(loginToken: "not.a.token", source: "t")) }
            #expect(garbage.map(ManagerFixture.code) == "invalid-token")
        }
    }

    @Test func rotationKeepsOldTokensValidAndSignsWithTheNewKey() async throws {
        try await ManagerFixture.run { node in
            let bus = node.bus
            let root = try await ManagerFixture.login(bus, "root")
            let before = try await bus.ask(Manager.JWKS()).keys.compactMap(\.kid)
            let oldSession = try await bus.ask(Manager.IssueSessionToken(loginToken: root, server: "web-01", source: "t")).token.token
            let rotated = try await bus.ask(Manager.RotateKey(loginToken: root, source: "t"))
            let after = try await bus.ask(Manager.JWKS()).keys.compactMap(\.kid)
            #expect(before.count == 1 && after == before + [rotated.kid])
            let jwks = try await bus.ask(Manager.JWKS())
            let gateway = TokenVerifier(options: .init(issuer: "tether-manager"), source: ClosureJWKSSource { jwks })
            _ = try await gateway.verifySession(oldSession, audience: "gw-eu1")
            let newSession = try await bus.ask(Manager.IssueSessionToken(loginToken: root, server: "web-01", source: "t")).token.token
            let header = try #require(Base64URL.decode(newSession.split(separator: ".")[0]))
            #expect(String(decoding: header, as: UTF8.self).contains(rotated.kid))
            _ = try await gateway.verifySession(newSession, audience: "gw-eu1")
            // The old login token still works at the manager too.
            _ = try await bus.ask(Manager.ListServers(loginToken: root, source: "t"))
            let ann = try await ManagerFixture.login(bus, "ann")
            let denied = await #expect(throws: BusError.self) { try await bus.ask(Manager.RotateKey(loginToken: ann, source: "t")) }
            #expect(denied.map(ManagerFixture.code) == "denied")
        }
    }

    @Test func keysAndUsersSurviveARestart() async throws {
        let database = ManagerFixture.temporaryDatabase()
        let (kids, token) = try await ManagerFixture.run(database: database) { node in
            (try await node.bus.ask(Manager.JWKS()).keys.compactMap(\.kid), try await ManagerFixture.login(node.bus, "ann"))
        }
        try await ManagerFixture.run(database: database) { node in
            #expect(try await node.bus.ask(Manager.JWKS()).keys.compactMap(\.kid) == kids)
            let servers = try await node.bus.ask(Manager.ListServers(loginToken: token, source: "t")).servers.map(\.id)
            #expect(servers == ["web-01", "web-02"])
        }
    }
}
