import Contracts
import Crypto
import Foundation
import Testing
@testable import Auth

@Suite struct TokenVerifierTests {
    let fixture = TokenFixture()
    let key = SigningKey.generate(now: Date(timeIntervalSince1970: 1_700_000_000))

    func signed(_ claims: SessionClaims, with key: SigningKey? = nil) async throws -> String {
        try await TokenSigner(key: key ?? self.key).sign(claims)
    }

    @Test func acceptsAValidSessionTokenWithItsClaims() async throws {
        fixture.publish([key])
        let claims = fixture.sessionClaims()
        let verified = try await fixture.verifier().verifySession(try await signed(claims), audience: "gw-eu1", server: "web-01")
        #expect(verified == claims)
    }

    @Test func rejectsAnExpiredToken() async throws {
        fixture.publish([key])
        let token = try await signed(fixture.sessionClaims(lifetime: 300))
        let verifier = fixture.verifier()
        _ = try await verifier.verifySession(token, audience: "gw-eu1")
        fixture.advance(301 + 30)
        await #expect(throws: TokenRejection.expired) { try await verifier.verifySession(token, audience: "gw-eu1") }
    }

    @Test func rejectsTheWrongAudienceAndTheWrongServer() async throws {
        fixture.publish([key])
        let token = try await signed(fixture.sessionClaims(server: "web-01", audience: "gw-eu1"))
        let verifier = fixture.verifier()
        await #expect(throws: TokenRejection.wrongAudience("gw-eu1")) { try await verifier.verifySession(token, audience: "gw-us1") }
        await #expect(throws: TokenRejection.wrongServer("web-01")) { try await verifier.verifySession(token, audience: "gw-eu1", server: "db-01") }
    }

    @Test func rejectsAlgNone() async throws {
        fixture.publish([key])
        let token = try TokenFixture.compact(header: ["alg": "none", "typ": "JWT"], payload: fixture.sessionClaims()) { _ in Data() }
        await #expect(throws: TokenRejection.unsigned) { try await fixture.verifier().verifySession(token, audience: "gw-eu1") }
        let upper = try TokenFixture.compact(header: ["alg": "NONE", "kid": key.kid], payload: fixture.sessionClaims()) { _ in Data() }
        await #expect(throws: TokenRejection.unsigned) { try await fixture.verifier().verifySession(upper, audience: "gw-eu1") }
    }

    @Test func rejectsHS256SignedWithThePublicKey() async throws {
        fixture.publish([key])
        // The classic confusion: the public key (PEM and JWK forms) used as an HMAC secret.
        let secrets = [Data(key.privateKey.publicKey.pemRepresentation.utf8), try JSONEncoder().encode(key.publicJWK)]
        for secret in secrets {
            let token = try TokenFixture.compact(header: ["alg": "HS256", "kid": key.kid, "typ": "JWT"], payload: fixture.sessionClaims()) { data in
                Data(HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: secret)))
            }
            await #expect(throws: TokenRejection.algorithmNotAllowed("HS256")) { try await fixture.verifier().verifySession(token, audience: "gw-eu1") }
        }
    }

    @Test func rejectsAnUnknownKidAfterRefreshingOnce() async throws {
        fixture.publish([key])
        let stranger = SigningKey.generate(now: fixture.now)
        let token = try await signed(fixture.sessionClaims(), with: stranger)
        let verifier = fixture.verifier(minimumRefreshSeconds: 60)
        await #expect(throws: TokenRejection.unknownKey(stranger.kid)) { try await verifier.verifySession(token, audience: "gw-eu1") }
        // Garbage kids do not make every request refetch the JWKS.
        let before = fixture.fetchCount
        for _ in 0..<5 { _ = try? await verifier.verifySession(token, audience: "gw-eu1") }
        #expect(fixture.fetchCount == before)
        let missing = try TokenFixture.compact(header: ["alg": "ES256"], payload: fixture.sessionClaims(), sign: TokenFixture.es256(key))
        await #expect(throws: TokenRejection.missingKeyID) { try await verifier.verifySession(missing, audience: "gw-eu1") }
    }

    @Test func picksUpANewKeyOnUnknownKid() async throws {
        fixture.publish([key])
        let verifier = fixture.verifier()
        _ = try await verifier.verifySession(try await signed(fixture.sessionClaims()), audience: "gw-eu1")
        let next = SigningKey.generate(now: fixture.now)
        fixture.publish([key, next])
        _ = try await verifier.verifySession(try await signed(fixture.sessionClaims(), with: next), audience: "gw-eu1")
        #expect(await verifier.trustedKeyIDs == [key.kid, next.kid])
    }

    @Test func rejectsATamperedPayload() async throws {
        fixture.publish([key])
        let token = try await signed(fixture.sessionClaims(server: "web-01"))
        let parts = token.split(separator: ".").map(String.init)
        var forged = fixture.sessionClaims(server: "db-01")
        forged.actions = ServerAction.allCases
        let tampered = [parts[0], Base64URL.encode(try JSONEncoder().encode(forged)), parts[2]].joined(separator: ".")
        await #expect(throws: TokenRejection.badSignature) { try await fixture.verifier().verifySession(tampered, audience: "gw-eu1") }
        let truncated = [parts[0], parts[1], String(parts[2].dropLast(4))].joined(separator: ".")
        await #expect(throws: TokenRejection.badSignature) { try await fixture.verifier().verifySession(truncated, audience: "gw-eu1") }
    }

    @Test func rejectsATokenOfARotatedOutKey() async throws {
        var ring = SigningKeyRing(keys: [key])
        fixture.publish(ring.keys)
        let oldToken = try await signed(fixture.sessionClaims(lifetime: 3_600))
        let verifier = fixture.verifier(cacheCapacity: 100)
        _ = try await verifier.verifySession(oldToken, audience: "gw-eu1")
        // Rotate: the old key keeps verifying while its tokens may live...
        ring.rotate(to: SigningKey.generate(now: fixture.now), now: fixture.now, tokenLifetime: 360)
        fixture.publish(ring.keys)
        try await verifier.refreshKeys()
        _ = try await verifier.verifySession(oldToken, audience: "gw-eu1")
        // ...and is gone after that, cached verdicts included.
        fixture.advance(361)
        ring.dropExpired(now: fixture.now)
        fixture.publish(ring.keys)
        try await verifier.refreshKeys()
        await #expect(throws: TokenRejection.keyRetired(key.kid)) { try await verifier.verifySession(oldToken, audience: "gw-eu1") }
    }

    @Test func periodicRefreshDropsRotatedKeysAndSurvivesAnUnreachableManager() async throws {
        fixture.publish([key])
        let token = try await signed(fixture.sessionClaims(lifetime: 3_600))
        let verifier = fixture.verifier(refreshIntervalSeconds: 60)
        _ = try await verifier.verifySession(token, audience: "gw-eu1")
        fixture.advance(61)
        fixture.publish([])
        // The stale keys still answer at once; the refresh runs in the background...
        _ = try await verifier.verifySession(token, audience: "gw-eu1")
        await verifier.settle()
        // ...and then the dropped key no longer verifies.
        await #expect(throws: TokenRejection.keyRetired(key.kid)) { try await verifier.verifySession(token, audience: "gw-eu1") }

        let offline = TokenVerifier(
            options: .init(issuer: fixture.issuer, refreshIntervalSeconds: 0),
            source: ClosureJWKSSource { throw TokenRejection.keysUnavailable("manager unreachable") })
        await #expect(throws: TokenRejection.keysUnavailable("manager unreachable")) { try await offline.verifySession(token, audience: "gw-eu1") }
    }

    @Test func rejectsTheOtherTokenKindAndAForeignIssuer() async throws {
        fixture.publish([key])
        let signer = try await TokenSigner(key: key)
        let login = try await signer.sign(fixture.loginClaims())
        await #expect(throws: TokenRejection.wrongType("login")) { try await fixture.verifier().verifySession(login, audience: "tether-manager") }
        let session = try await signed(fixture.sessionClaims(audience: "tether-manager"))
        await #expect(throws: TokenRejection.wrongType("session")) { try await fixture.verifier().verifyLogin(session, audience: "tether-manager") }
        var foreign = fixture.sessionClaims()
        foreign.iss = "someone-else"
        await #expect(throws: TokenRejection.wrongIssuer("someone-else")) {
            try await fixture.verifier().verifySession(try await signed(foreign), audience: "gw-eu1")
        }
    }

    @Test func rejectsMalformedTokensWithoutCrashing() async throws {
        fixture.publish([key])
        let verifier = fixture.verifier()
        for garbage in ["", ".", "..", "a.b", "a.b.c.d", "!!!.???.***", "eyJhbGciOiJFUzI1NiJ9", String(repeating: "A", count: 9000),
                        Base64URL.encode(Data("[1,2]".utf8)) + ".e30.", Base64URL.encode(Data("{\"alg\":\"ES256\",\"kid\":\"\(key.kid)\"}".utf8)) + ".e30.AAAA"] {
            await #expect(throws: TokenRejection.self, "\(garbage.prefix(40))") { try await verifier.verifySession(garbage, audience: "gw-eu1") }
        }
    }

    @Test func theCacheStillChecksExpiryAudienceAndServer() async throws {
        fixture.publish([key])
        let token = try await signed(fixture.sessionClaims(server: "web-01", lifetime: 300))
        let verifier = fixture.verifier(cacheCapacity: 10)
        _ = try await verifier.verifySession(token, audience: "gw-eu1", server: "web-01")
        _ = try await verifier.verifySession(token, audience: "gw-eu1", server: "web-01")
        await #expect(throws: TokenRejection.wrongServer("web-01")) { try await verifier.verifySession(token, audience: "gw-eu1", server: "x") }
        await #expect(throws: TokenRejection.wrongAudience("gw-eu1")) { try await verifier.verifySession(token, audience: "gw-x") }
        fixture.advance(400)
        await #expect(throws: TokenRejection.expired) { try await verifier.verifySession(token, audience: "gw-eu1") }
    }
}
