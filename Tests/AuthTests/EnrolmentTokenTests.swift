import Contracts
import Crypto
import Foundation
import Kernel
import Testing
@testable import Auth

/// The rules an agent's enrolment token must pass at a gateway, each tried with a token
/// that breaks it, and the manager's issuance of such tokens.
@Suite struct EnrolmentTokenTests {
    let fixture = TokenFixture()
    let key = SigningKey.generate(now: Date(timeIntervalSince1970: 1_700_000_000))

    func claims(node: String = "agent-7", gateway: String = "gw-1", lifetime: Int64 = 3_600) -> EnrolmentClaims {
        let iat = Int64(fixture.now.timeIntervalSince1970)
        return EnrolmentClaims(iss: fixture.issuer, sub: node, aud: gateway, exp: iat + lifetime, iat: iat, jti: UUID().uuidString)
    }

    func signed(_ claims: EnrolmentClaims, with key: SigningKey? = nil) async throws -> String {
        try await TokenSigner(key: key ?? self.key).sign(claims)
    }

    @Test func acceptsAValidEnrolmentTokenForItsNodeAndGateway() async throws {
        fixture.publish([key])
        let claims = claims()
        let verified = try await fixture.verifier().verifyEnrolment(try await signed(claims), node: "agent-7", audience: "gw-1")
        #expect(verified == claims)
        #expect(verified.typ == .enrol)
    }

    @Test func refusesAForgedNodeNameAndAnotherGateway() async throws {
        fixture.publish([key])
        let token = try await signed(claims(node: "agent-a", gateway: "gw-1"))
        let verifier = fixture.verifier()
        await #expect(throws: TokenRejection.wrongNode("agent-a")) { try await verifier.verifyEnrolment(token, node: "agent-b", audience: "gw-1") }
        await #expect(throws: TokenRejection.wrongAudience("gw-1")) { try await verifier.verifyEnrolment(token, node: "agent-a", audience: "gw-2") }
    }

    @Test func refusesAnExpiredToken() async throws {
        fixture.publish([key])
        let token = try await signed(claims(lifetime: 300))
        let verifier = fixture.verifier()
        _ = try await verifier.verifyEnrolment(token, node: "agent-7", audience: "gw-1")
        fixture.advance(301 + 30)
        await #expect(throws: TokenRejection.expired) { try await verifier.verifyEnrolment(token, node: "agent-7", audience: "gw-1") }
    }

    @Test func refusesAlgNoneATamperedPayloadAndAnotherKey() async throws {
        fixture.publish([key])
        let verifier = fixture.verifier()
        let unsigned = try TokenFixture.compact(header: ["alg": "none", "kid": key.kid], payload: claims()) { _ in Data() }
        await #expect(throws: TokenRejection.unsigned) { try await verifier.verifyEnrolment(unsigned, node: "agent-7", audience: "gw-1") }

        let token = try await signed(claims(node: "agent-a"))
        let parts = token.split(separator: ".").map(String.init)
        let tampered = [parts[0], Base64URL.encode(try JSONEncoder().encode(claims(node: "agent-b"))), parts[2]].joined(separator: ".")
        await #expect(throws: TokenRejection.badSignature) { try await verifier.verifyEnrolment(tampered, node: "agent-b", audience: "gw-1") }

        // Another key that claims the manager's kid: the signature does not match.
        let stranger = SigningKey.generate(now: fixture.now)
        let impostor = try TokenFixture.compact(header: ["alg": "ES256", "kid": key.kid, "typ": "JWT"], payload: claims(), sign: TokenFixture.es256(stranger))
        await #expect(throws: TokenRejection.badSignature) { try await verifier.verifyEnrolment(impostor, node: "agent-7", audience: "gw-1") }
        // Another key under its own kid: unknown.
        let foreign = try await signed(claims(), with: stranger)
        await #expect(throws: TokenRejection.unknownKey(stranger.kid)) { try await verifier.verifyEnrolment(foreign, node: "agent-7", audience: "gw-1") }
    }

    @Test func aSessionOrLoginTokenIsNoEnrolmentTokenAndTheReverse() async throws {
        fixture.publish([key])
        let verifier = fixture.verifier()
        let signer = try await TokenSigner(key: key)
        // A session token whose sub and aud happen to fit: its typ gives it away.
        var session = fixture.sessionClaims(audience: "gw-1")
        session.sub = "agent-7"
        let sessionToken = try await signer.sign(session)
        await #expect(throws: TokenRejection.wrongType("session")) { try await verifier.verifyEnrolment(sessionToken, node: "agent-7", audience: "gw-1") }
        let login = try await signer.sign(fixture.loginClaims())
        await #expect(throws: TokenRejection.self) { try await verifier.verifyEnrolment(login, node: "user-1", audience: "tether-manager") }
        // An enrolment token never opens a console or logs in.
        let enrolment = try await signed(claims(node: "agent-7", gateway: "gw-1"))
        await #expect(throws: TokenRejection.wrongType("enrol")) { try await verifier.verifySession(enrolment, audience: "gw-1") }
        await #expect(throws: TokenRejection.wrongType("enrol")) { try await verifier.verifyLogin(enrolment, audience: "gw-1") }
        // A payload that says typ enrol but lacks the claims is refused too.
        var foreign = claims()
        foreign.iss = "someone-else"
        await #expect(throws: TokenRejection.wrongIssuer("someone-else")) {
            try await verifier.verifyEnrolment(try await signed(foreign), node: "agent-7", audience: "gw-1")
        }
    }

    @Test func theRefusalReasonsNameTheBrokenRule() {
        #expect(EnrolmentVerification.reason(.expired).hasPrefix("expired"))
        #expect(EnrolmentVerification.reason(.wrongNode("agent-a")) == "wrong node: issued for node agent-a")
        #expect(EnrolmentVerification.reason(.wrongAudience("gw-1")) == "wrong audience: meant for gateway gw-1")
        #expect(EnrolmentVerification.reason(.badSignature).hasPrefix("bad signature"))
        #expect(EnrolmentVerification.reason(.unknownKey("k")).hasPrefix("bad signature"))
        #expect(EnrolmentVerification.reason(.wrongType("session")) == "not an enrolment token (a session token)")
    }

    @Test func aRetiredKeyStaysPublishedAsLongAsItsLongestEnrolmentTokenMayLive() throws {
        var config = AuthPlugin.Config()
        config.maximumEnrolmentLifetimeSeconds = 604_800
        let settings = try AuthSettings(config) { $0 }
        #expect(settings.retiredKeyLifetime >= 604_800 + 30)
        config.enrolmentLifetimeSeconds = 700_000
        #expect(throws: AuthError.self) { try AuthSettings(config) { $0 } }
        config.enrolmentLifetimeSeconds = 59
        #expect(throws: AuthError.self) { try AuthSettings(config) { $0 } }
    }

    @Test func theManagerIssuesEnrolmentTokensToSuperadminsOnlyAndAuditsThem() async throws {
        try await ManagerFixture.run { node in
            let root = try await ManagerFixture.login(node.bus, "root")
            let reply = try await node.bus.ask(
                Manager.IssueEnrolmentToken(loginToken: root, node: "agent-7", gateway: "gw-eu1", ttlSeconds: 600, source: "127.0.0.1"))
            #expect(reply.token.kind == .enrol && reply.node == "agent-7" && reply.gateway == "gw-eu1")
            let enrolment = try await node.bus.ask(Contracts.Auth.VerifyEnrolment(token: reply.token.token, node: "agent-7", gateway: "gw-eu1"))
            #expect(enrolment.tokenID == reply.tokenID)
            #expect(abs(Double(enrolment.expiresAt) - reply.token.expiresAt.timeIntervalSince1970) < 1)
            do {
                _ = try await node.bus.ask(Contracts.Auth.VerifyEnrolment(token: reply.token.token, node: "agent-8", gateway: "gw-eu1"))
                Issue.record("a token for agent-7 admitted agent-8")
            } catch BusError.remote(let code, let message) {
                #expect(code == "unauthenticated" && message.contains("wrong node"))
            }

            let ann = try await ManagerFixture.login(node.bus, "ann")
            await #expect(throws: BusError.remote(code: "denied", message: "denied: only superadmins may issue enrolment tokens")) {
                _ = try await node.bus.ask(Manager.IssueEnrolmentToken(loginToken: ann, node: "agent-7", gateway: "gw-eu1", source: "127.0.0.1"))
            }
            for (agent, gateway, ttl) in [("agent 7", "gw-eu1", 600), ("agent-7", "*", 600), ("agent-7", "agent-7", 600), ("agent-7", "gw-eu1", 59),
                                          ("agent-7", "gw-eu1", 86_401)] {
                await #expect(throws: BusError.self, "\(agent) \(gateway) \(ttl)") {
                    _ = try await node.bus.ask(Manager.IssueEnrolmentToken(loginToken: root, node: agent, gateway: gateway, ttlSeconds: ttl, source: "127.0.0.1"))
                }
            }
            let audit = try await node.bus.ask(Manager.QueryAudit(loginToken: root, limit: 50, source: "127.0.0.1")).events
            let issued = audit.filter { $0.action == "enrolment.issued" }
            #expect(issued.contains { $0.outcome == .ok && $0.detail.contains("node agent-7; gateway gw-eu1") && $0.detail.contains(reply.tokenID) })
            #expect(issued.contains { $0.outcome == .denied })
        }
    }
}
