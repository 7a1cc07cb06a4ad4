import Contracts
import Auth
import Crypto
import Foundation
import Testing

@Suite struct SigningKeyRingTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func rotationRetiresTheSignerAndKeepsItPublishedUntilItsTokensExpire() {
        let first = SigningKey.generate(now: t0)
        var ring = SigningKeyRing(keys: [first])
        #expect(ring.signingKey?.kid == first.kid)
        #expect(!ring.needsRotation(now: t0 + 100, interval: 3_600))
        #expect(ring.needsRotation(now: t0 + 3_600, interval: 3_600))
        let second = SigningKey.generate(now: t0 + 3_600)
        let retired = ring.rotate(to: second, now: t0 + 3_600, tokenLifetime: 960)
        #expect(retired.map(\.kid) == [first.kid])
        #expect(ring.signingKey?.kid == second.kid)
        #expect(ring.jwks(now: t0 + 3_600 + 959).keys.compactMap(\.kid) == [first.kid, second.kid])
        #expect(ring.jwks(now: t0 + 3_600 + 960).keys.compactMap(\.kid) == [second.kid])
        #expect(ring.dropExpired(now: t0 + 3_600 + 960) == [first.kid])
        #expect(ring.keys.map(\.kid) == [second.kid])
        #expect(SigningKeyRing().needsRotation(now: t0, interval: 1))
    }

    @Test func keysRoundTripThroughTheStoreFormAndPublishOnlyTheirPublicHalf() throws {
        let key = SigningKey.generate(now: t0)
        let stored = key.stored
        #expect(stored.privateKey.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(!stored.publicJWK.contains("\"d\""))
        let restored = try SigningKey(stored: stored)
        #expect(restored.kid == key.kid && restored.privateKey.rawRepresentation == key.privateKey.rawRepresentation)
        let jwk = key.publicJWK
        #expect(jwk.kty == "EC" && jwk.crv == "P-256" && jwk.alg == "ES256" && jwk.use == "sig" && jwk.kid == key.kid)
        #expect(jwk.x?.count == 43 && jwk.y?.count == 43 && key.kid.count == 43)
        var tampered = stored
        tampered.kid = "someone-else"
        #expect(throws: AuthError.self) { try SigningKey(stored: tampered) }
    }

    @Test func kidIsTheRFC7638Thumbprint() throws {
        // RFC 7638 §3.1 builds the input from crv, kty, x, y in that order, without spaces.
        let key = SigningKey.generate(now: t0)
        let jwk = key.publicJWK
        let input = #"{"crv":"P-256","kty":"EC","x":"\#(jwk.x ?? "")","y":"\#(jwk.y ?? "")"}"#
        #expect(key.kid == Base64URL.encode(SHA256.hash(data: Data(input.utf8))))
    }
}
